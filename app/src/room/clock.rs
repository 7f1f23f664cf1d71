//! Meeting clocks: time between two instants with the meeting's pauses left out. Pure, so the
//! rule is read and tested in one place; the room, the minutes and the savings all use it.
use chrono::{DateTime, Utc};

/// A pause: its start and, once resumed, its end (`None`: still paused).
pub type Pause = (DateTime<Utc>, Option<DateTime<Utc>>);

/// Whole seconds from `start` to `end` (or to `now` while it runs), less the parts of
/// `pauses` inside that span. Never negative.
pub fn net_seconds(
    start: DateTime<Utc>,
    end: Option<DateTime<Utc>>,
    pauses: &[Pause],
    now: DateTime<Utc>,
) -> i64 {
    let end = end.unwrap_or(now);
    if end <= start {
        return 0;
    }
    let paused: i64 = pauses
        .iter()
        .map(|(from, to)| {
            let from = (*from).max(start);
            let to = to.unwrap_or(now).min(end);
            (to - from).num_milliseconds().max(0)
        })
        .sum();
    (((end - start).num_milliseconds() - paused) / 1000).max(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32, m: u32, s: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 30, h, m, s).unwrap()
    }

    #[test]
    fn pauses_are_left_out() {
        let now = at(10, 0, 0);
        // 8:00 → 9:00 with no pause: 3,600 s.
        assert_eq!(net_seconds(at(8, 0, 0), Some(at(9, 0, 0)), &[], now), 3600);
        // A 10-minute pause inside: 3,000 s.
        let pause = [(at(8, 20, 0), Some(at(8, 30, 0)))];
        assert_eq!(
            net_seconds(at(8, 0, 0), Some(at(9, 0, 0)), &pause, now),
            3000
        );
        // An item 8:25 → 8:40 overlaps the pause by 5 minutes: 600 s.
        assert_eq!(
            net_seconds(at(8, 25, 0), Some(at(8, 40, 0)), &pause, now),
            600
        );
        // A pause outside the span changes nothing.
        assert_eq!(
            net_seconds(at(8, 40, 0), Some(at(8, 50, 0)), &pause, now),
            600
        );
        // Running, paused since 9:50: 9:00 → 10:00 less 10 minutes = 3,000 s.
        let open_pause = [(at(9, 50, 0), None)];
        assert_eq!(net_seconds(at(9, 0, 0), None, &open_pause, now), 3000);
        // An end before the start counts nothing.
        assert_eq!(net_seconds(at(9, 0, 0), Some(at(8, 0, 0)), &[], now), 0);
    }
}
