//! The demo cabinet: a fictional Government with invented names. The ministries are the
//! Government's real ministries and ministry-level agencies, in their official order; no
//! person here is real.
use app::identity::model::Role;
use app::identity::protocol::Office;

pub struct Ministry {
    pub code: &'static str,
    pub name_vi: &'static str,
    pub name_en: &'static str,
}

/// In the Government's official order (their position is their protocol order).
pub const MINISTRIES: &[Ministry] = &[
    Ministry {
        code: "BQP",
        name_vi: "Bộ Quốc phòng",
        name_en: "Ministry of National Defence",
    },
    Ministry {
        code: "BCA",
        name_vi: "Bộ Công an",
        name_en: "Ministry of Public Security",
    },
    Ministry {
        code: "BNG",
        name_vi: "Bộ Ngoại giao",
        name_en: "Ministry of Foreign Affairs",
    },
    Ministry {
        code: "BNV",
        name_vi: "Bộ Nội vụ",
        name_en: "Ministry of Home Affairs",
    },
    Ministry {
        code: "BTP",
        name_vi: "Bộ Tư pháp",
        name_en: "Ministry of Justice",
    },
    Ministry {
        code: "BTC",
        name_vi: "Bộ Tài chính",
        name_en: "Ministry of Finance",
    },
    Ministry {
        code: "BCT",
        name_vi: "Bộ Công Thương",
        name_en: "Ministry of Industry and Trade",
    },
    Ministry {
        code: "BNNMT",
        name_vi: "Bộ Nông nghiệp và Môi trường",
        name_en: "Ministry of Agriculture and Environment",
    },
    Ministry {
        code: "BXD",
        name_vi: "Bộ Xây dựng",
        name_en: "Ministry of Construction",
    },
    Ministry {
        code: "BVHTTDL",
        name_vi: "Bộ Văn hóa, Thể thao và Du lịch",
        name_en: "Ministry of Culture, Sports and Tourism",
    },
    Ministry {
        code: "BKHCN",
        name_vi: "Bộ Khoa học và Công nghệ",
        name_en: "Ministry of Science and Technology",
    },
    Ministry {
        code: "BGDDT",
        name_vi: "Bộ Giáo dục và Đào tạo",
        name_en: "Ministry of Education and Training",
    },
    Ministry {
        code: "BYT",
        name_vi: "Bộ Y tế",
        name_en: "Ministry of Health",
    },
    Ministry {
        code: "BDTTG",
        name_vi: "Bộ Dân tộc và Tôn giáo",
        name_en: "Ministry of Ethnic and Religious Affairs",
    },
    Ministry {
        code: "NHNN",
        name_vi: "Ngân hàng Nhà nước Việt Nam",
        name_en: "State Bank of Viet Nam",
    },
    Ministry {
        code: "TTCP",
        name_vi: "Thanh tra Chính phủ",
        name_en: "Government Inspectorate",
    },
    Ministry {
        code: "VPCP",
        name_vi: "Văn phòng Chính phủ",
        name_en: "Government Office",
    },
];

pub struct Person {
    pub full_name: &'static str,
    /// Part of the e-mail address: `<email_local>@chinhphu.example`.
    pub email_local: &'static str,
    pub role: Role,
    pub office: Office,
    pub ministry: Option<&'static str>,
    pub title_vi: &'static str,
    pub title_en: &'static str,
}

const fn member(
    full_name: &'static str,
    email_local: &'static str,
    office: Office,
    ministry: Option<&'static str>,
    title_vi: &'static str,
    title_en: &'static str,
) -> Person {
    Person {
        full_name,
        email_local,
        role: Role::Member,
        office,
        ministry,
        title_vi,
        title_en,
    }
}

const fn minister(
    order: u16,
    full_name: &'static str,
    email_local: &'static str,
    code: &'static str,
    title_vi: &'static str,
    title_en: &'static str,
) -> Person {
    member(
        full_name,
        email_local,
        Office::Minister {
            ministry_order: order,
        },
        Some(code),
        title_vi,
        title_en,
    )
}

/// The 24 Government members, then the secretariat, a guest and an administrator.
pub const PEOPLE: &[Person] = &[
    member(
        "Vũ Đình Khiêm",
        "vd.khiem",
        Office::PrimeMinister,
        None,
        "Thủ tướng Chính phủ",
        "Prime Minister",
    ),
    member(
        "Trịnh Minh Quân",
        "tm.quan",
        Office::DeputyPrimeMinister { order: 1 },
        None,
        "Phó Thủ tướng Thường trực Chính phủ",
        "Permanent Deputy Prime Minister",
    ),
    member(
        "Hoàng Thị Lan Anh",
        "htl.anh",
        Office::DeputyPrimeMinister { order: 2 },
        None,
        "Phó Thủ tướng Chính phủ",
        "Deputy Prime Minister",
    ),
    member(
        "Lâm Quốc Bảo",
        "lq.bao",
        Office::DeputyPrimeMinister { order: 3 },
        None,
        "Phó Thủ tướng Chính phủ",
        "Deputy Prime Minister",
    ),
    member(
        "Ngô Thanh Tùng",
        "nt.tung",
        Office::DeputyPrimeMinister { order: 4 },
        None,
        "Phó Thủ tướng Chính phủ",
        "Deputy Prime Minister",
    ),
    member(
        "Đinh Xuân Hải",
        "dx.hai",
        Office::DeputyPrimeMinister { order: 5 },
        None,
        "Phó Thủ tướng Chính phủ",
        "Deputy Prime Minister",
    ),
    member(
        "Tạ Ngọc Diệp",
        "tn.diep",
        Office::DeputyPrimeMinister { order: 6 },
        None,
        "Phó Thủ tướng Chính phủ",
        "Deputy Prime Minister",
    ),
    minister(
        1,
        "Kiều Văn Thành",
        "kv.thanh",
        "BQP",
        "Bộ trưởng Bộ Quốc phòng",
        "Minister of National Defence",
    ),
    minister(
        2,
        "Hà Đức Trọng",
        "hd.trong",
        "BCA",
        "Bộ trưởng Bộ Công an",
        "Minister of Public Security",
    ),
    minister(
        3,
        "Châu Minh Triết",
        "cm.triet",
        "BNG",
        "Bộ trưởng Bộ Ngoại giao",
        "Minister of Foreign Affairs",
    ),
    minister(
        4,
        "Tôn Nữ Thu Hà",
        "tnt.ha",
        "BNV",
        "Bộ trưởng Bộ Nội vụ",
        "Minister of Home Affairs",
    ),
    minister(
        5,
        "Lương Gia Huy",
        "lg.huy",
        "BTP",
        "Bộ trưởng Bộ Tư pháp",
        "Minister of Justice",
    ),
    minister(
        6,
        "Bạch Quang Nhật",
        "bq.nhat",
        "BTC",
        "Bộ trưởng Bộ Tài chính",
        "Minister of Finance",
    ),
    minister(
        7,
        "Mạc Thị Phương Thảo",
        "mtp.thao",
        "BCT",
        "Bộ trưởng Bộ Công Thương",
        "Minister of Industry and Trade",
    ),
    minister(
        8,
        "Cù Văn Lộc",
        "cv.loc",
        "BNNMT",
        "Bộ trưởng Bộ Nông nghiệp và Môi trường",
        "Minister of Agriculture and Environment",
    ),
    minister(
        9,
        "Âu Dương Tuấn",
        "ad.tuan",
        "BXD",
        "Bộ trưởng Bộ Xây dựng",
        "Minister of Construction",
    ),
    minister(
        10,
        "Thái Bảo Ngọc",
        "tb.ngoc",
        "BVHTTDL",
        "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch",
        "Minister of Culture, Sports and Tourism",
    ),
    minister(
        11,
        "Doãn Khắc Trí",
        "dk.tri",
        "BKHCN",
        "Bộ trưởng Bộ Khoa học và Công nghệ",
        "Minister of Science and Technology",
    ),
    minister(
        12,
        "Quách Thị Mai",
        "qt.mai",
        "BGDDT",
        "Bộ trưởng Bộ Giáo dục và Đào tạo",
        "Minister of Education and Training",
    ),
    minister(
        13,
        "Giang Hữu Phúc",
        "gh.phuc",
        "BYT",
        "Bộ trưởng Bộ Y tế",
        "Minister of Health",
    ),
    minister(
        14,
        "Lò Văn Tiến",
        "lv.tien",
        "BDTTG",
        "Bộ trưởng Bộ Dân tộc và Tôn giáo",
        "Minister of Ethnic and Religious Affairs",
    ),
    minister(
        15,
        "Kha Thị Bích Ngân",
        "ktb.ngan",
        "NHNN",
        "Thống đốc Ngân hàng Nhà nước Việt Nam",
        "Governor of the State Bank of Viet Nam",
    ),
    minister(
        16,
        "Tăng Minh Phụng",
        "tm.phung",
        "TTCP",
        "Tổng Thanh tra Chính phủ",
        "Inspector General of the Government",
    ),
    minister(
        17,
        "Ông Văn Thịnh",
        "ov.thinh",
        "VPCP",
        "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ",
        "Minister, Chairman of the Government Office",
    ),
    Person {
        full_name: "Trương Thị Hạnh",
        email_local: "tt.hanh",
        role: Role::Secretariat,
        office: Office::Other,
        ministry: Some("VPCP"),
        title_vi: "Vụ trưởng Vụ Tổng hợp, Văn phòng Chính phủ",
        title_en: "Director, General Affairs Department, Government Office",
    },
    Person {
        full_name: "Phó Đức Long",
        email_local: "pd.long",
        role: Role::Secretariat,
        office: Office::Other,
        ministry: Some("VPCP"),
        title_vi: "Chuyên viên chính, Văn phòng Chính phủ",
        title_en: "Principal Officer, Government Office",
    },
    Person {
        full_name: "Diệp Thanh Bình",
        email_local: "dt.binh",
        role: Role::Guest,
        office: Office::Other,
        ministry: Some("BTC"),
        title_vi: "Thứ trưởng Bộ Tài chính",
        title_en: "Vice-Minister of Finance",
    },
    Person {
        full_name: "Lưu Quang Minh",
        email_local: "lq.minh",
        role: Role::Admin,
        office: Office::Other,
        ministry: Some("VPCP"),
        title_vi: "Quản trị hệ thống, Cục Tin học Văn phòng Chính phủ",
        title_en: "System administrator, Government Office IT Department",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cabinet_of_about_twenty_five_in_a_consistent_order() {
        let members: Vec<_> = PEOPLE.iter().filter(|p| p.role == Role::Member).collect();
        assert_eq!(members.len(), 24);
        assert_eq!(members[0].office, Office::PrimeMinister);
        // Listed already in protocol order, every rank distinct.
        let ranks: Vec<i64> = members.iter().map(|p| p.office.protocol_rank()).collect();
        let mut sorted = ranks.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(ranks, sorted);
        // Each minister heads the ministry at the position their office names.
        for person in &members {
            if let Office::Minister { ministry_order } = person.office {
                let ministry = &MINISTRIES[usize::from(ministry_order) - 1];
                assert_eq!(Some(ministry.code), person.ministry, "{}", person.full_name);
            }
        }
    }
}
