//! Protocol order: how people are always listed — the Prime Minister, the Deputy Prime
//! Ministers in their order, then ministers and heads of ministry-level agencies in the
//! Government's order of ministries. Stored per appointment as one sortable number.

/// The kinds of office that decide a person's place in the protocol order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Office {
    PrimeMinister,
    /// `order` is 1 for the Permanent Deputy Prime Minister, then 2, 3, …
    DeputyPrimeMinister {
        order: u16,
    },
    /// Minister or head of a ministry-level agency; `ministry_order` is the ministry's place
    /// in the Government's official order.
    Minister {
        ministry_order: u16,
    },
    /// Anyone else (vice-ministers, Government Office staff): after all members.
    Other,
}

impl Office {
    /// A number to sort by, lower first. Ranges never overlap: 0, 100–199, 1000–1999, 10000.
    pub fn protocol_rank(self) -> i64 {
        match self {
            Office::PrimeMinister => 0,
            Office::DeputyPrimeMinister { order } => 100 + i64::from(order.min(99)),
            Office::Minister { ministry_order } => 1000 + i64::from(ministry_order.min(999)),
            Office::Other => 10_000,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Office::*;

    #[test]
    fn prime_minister_then_deputies_then_ministers_in_ministry_order() {
        let mut people = [
            ("Bộ trưởng Bộ Tài chính", Minister { ministry_order: 6 }),
            ("Phó Thủ tướng thứ hai", DeputyPrimeMinister { order: 2 }),
            ("Chuyên viên", Other),
            ("Bộ trưởng Bộ Quốc phòng", Minister { ministry_order: 1 }),
            ("Thủ tướng", PrimeMinister),
            (
                "Phó Thủ tướng Thường trực",
                DeputyPrimeMinister { order: 1 },
            ),
        ];
        people.sort_by_key(|(_, office)| office.protocol_rank());
        let names: Vec<_> = people.iter().map(|(n, _)| *n).collect();
        assert_eq!(
            names,
            [
                "Thủ tướng",
                "Phó Thủ tướng Thường trực",
                "Phó Thủ tướng thứ hai",
                "Bộ trưởng Bộ Quốc phòng",
                "Bộ trưởng Bộ Tài chính",
                "Chuyên viên",
            ]
        );
    }

    #[test]
    fn the_ninety_ninth_deputy_still_precedes_the_first_minister() {
        assert!(
            DeputyPrimeMinister { order: 500 }.protocol_rank()
                < Minister { ministry_order: 0 }.protocol_rank()
        );
        assert!(
            Minister {
                ministry_order: 5000
            }
            .protocol_rank()
                < Other.protocol_rank()
        );
    }
}
