//! A ministry officer (cán bộ đầu mối) for every demo ministry: each reports on the
//! ministry's tasks. Invented names, like the rest of the demo cabinet.
use app::identity::model::Role;
use app::identity::protocol::Office;

use super::cabinet::Person;

/// One per ministry, in the Government's order.
pub const OFFICERS: &[Person] = &[
    Person {
        full_name: "Đinh Thị Lan",
        email_local: "dt.lan",
        role: Role::Officer,
        office: Office::Other,
        ministry: Some("BQP"),
        title_vi: "Cán bộ đầu mối, Bộ Quốc phòng",
        title_en: "Liaison officer, Ministry of National Defence",
    },
    Person {
        full_name: "Khổng Văn Hải",
        email_local: "kv.hai",
        role: Role::Officer,
        office: Office::Other,
        ministry: Some("BCA"),
        title_vi: "Cán bộ đầu mối, Bộ Công an",
        title_en: "Liaison officer, Ministry of Public Security",
    },
    Person {
        full_name: "Lâm Thị Thu",
        email_local: "lt.thu",
        role: Role::Officer,
        office: Office::Other,
        ministry: Some("BNG"),
        title_vi: "Cán bộ đầu mối, Bộ Ngoại giao",
        title_en: "Liaison officer, Ministry of Foreign Affairs",
    },
    Person {
        full_name: "Mạc Đức Anh",
        email_local: "md.anh",
        role: Role::Officer,
        office: Office::Other,
        ministry: Some("BNV"),
        title_vi: "Cán bộ đầu mối, Bộ Nội vụ",
        title_en: "Liaison officer, Ministry of Home Affairs",
    },
    Person {
        full_name: "Ninh Thị Hoa",
        email_local: "nt.hoa",
        role: Role::Officer,
        office: Office::Other,
        ministry: Some("BTP"),
        title_vi: "Cán bộ đầu mối, Bộ Tư pháp",
        title_en: "Liaison officer, Ministry of Justice",
    },
    Person {
        full_name: "Quách Văn Nam",
        email_local: "qv.nam",
        role: Role::Officer,
        office: Office::Other,
        ministry: Some("BTC"),
        title_vi: "Cán bộ đầu mối, Bộ Tài chính",
        title_en: "Liaison officer, Ministry of Finance",
    },
    Person {
        full_name: "Tạ Thị Mai",
        email_local: "tt.mai",
        role: Role::Officer,
        office: Office::Other,
        ministry: Some("BCT"),
        title_vi: "Cán bộ đầu mối, Bộ Công Thương",
        title_en: "Liaison officer, Ministry of Industry and Trade",
    },
    Person {
        full_name: "Âu Văn Tùng",
        email_local: "av.tung",
        role: Role::Officer,
        office: Office::Other,
        ministry: Some("BNNMT"),
        title_vi: "Cán bộ đầu mối, Bộ Nông nghiệp và Môi trường",
        title_en: "Liaison officer, Ministry of Agriculture and Environment",
    },
    Person {
        full_name: "Cù Thị Hằng",
        email_local: "ct.hang",
        role: Role::Officer,
        office: Office::Other,
        ministry: Some("BXD"),
        title_vi: "Cán bộ đầu mối, Bộ Xây dựng",
        title_en: "Liaison officer, Ministry of Construction",
    },
    Person {
        full_name: "Hà Văn Sơn",
        email_local: "hv.son",
        role: Role::Officer,
        office: Office::Other,
        ministry: Some("BVHTTDL"),
        title_vi: "Cán bộ đầu mối, Bộ Văn hóa, Thể thao và Du lịch",
        title_en: "Liaison officer, Ministry of Culture, Sports and Tourism",
    },
    Person {
        full_name: "Kiều Thị Ngọc",
        email_local: "kt.ngoc",
        role: Role::Officer,
        office: Office::Other,
        ministry: Some("BKHCN"),
        title_vi: "Cán bộ đầu mối, Bộ Khoa học và Công nghệ",
        title_en: "Liaison officer, Ministry of Science and Technology",
    },
    Person {
        full_name: "Lạc Văn Phúc",
        email_local: "lv.phuc",
        role: Role::Officer,
        office: Office::Other,
        ministry: Some("BGDDT"),
        title_vi: "Cán bộ đầu mối, Bộ Giáo dục và Đào tạo",
        title_en: "Liaison officer, Ministry of Education and Training",
    },
    Person {
        full_name: "Mẫn Thị Yến",
        email_local: "mt.yen",
        role: Role::Officer,
        office: Office::Other,
        ministry: Some("BYT"),
        title_vi: "Cán bộ đầu mối, Bộ Y tế",
        title_en: "Liaison officer, Ministry of Health",
    },
    Person {
        full_name: "Nghiêm Văn Khải",
        email_local: "nv.khai",
        role: Role::Officer,
        office: Office::Other,
        ministry: Some("BDTTG"),
        title_vi: "Cán bộ đầu mối, Bộ Dân tộc và Tôn giáo",
        title_en: "Liaison officer, Ministry of Ethnic and Religious Affairs",
    },
    Person {
        full_name: "Phí Thị Vân",
        email_local: "pt.van",
        role: Role::Officer,
        office: Office::Other,
        ministry: Some("NHNN"),
        title_vi: "Cán bộ đầu mối, Ngân hàng Nhà nước Việt Nam",
        title_en: "Liaison officer, State Bank of Viet Nam",
    },
    Person {
        full_name: "Tôn Văn Quý",
        email_local: "tv.quy",
        role: Role::Officer,
        office: Office::Other,
        ministry: Some("TTCP"),
        title_vi: "Cán bộ đầu mối, Thanh tra Chính phủ",
        title_en: "Liaison officer, Government Inspectorate",
    },
    Person {
        full_name: "Văn Thị Hường",
        email_local: "vt.huong",
        role: Role::Officer,
        office: Office::Other,
        ministry: Some("VPCP"),
        title_vi: "Cán bộ đầu mối, Văn phòng Chính phủ",
        title_en: "Liaison officer, Government Office",
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::cabinet::MINISTRIES;

    #[test]
    fn one_officer_per_ministry_in_order() {
        let codes: Vec<_> = OFFICERS.iter().map(|o| o.ministry.unwrap()).collect();
        let ministries: Vec<_> = MINISTRIES.iter().map(|m| m.code).collect();
        assert_eq!(codes, ministries);
    }
}
