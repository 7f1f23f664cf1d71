//! What the demo contains besides people: one published regular session, one draft thematic
//! session, and one open written-opinion ballot. Dates are relative to the day it is loaded.
use app::meetings::model::MeetingKind;

pub struct PlannedItem {
    pub title: &'static str,
    /// Ministry code of the presenter, if any.
    pub presenter: Option<&'static str>,
    pub minutes: i64,
    /// Demo document files attached to the item.
    pub documents: &'static [&'static str],
    /// `email_local` of guests invited to this item only.
    pub guests: &'static [&'static str],
}

pub struct PlannedMeeting {
    pub kind: MeetingKind,
    pub title: &'static str,
    /// Days from today (in Hà Nội) to the meeting day.
    pub in_days: i64,
    pub start_hour: u32,
    pub planned_minutes: i64,
    pub place: &'static str,
    pub published: bool,
    pub items: &'static [PlannedItem],
}

pub const REGULAR_SESSION: PlannedMeeting = PlannedMeeting {
    kind: MeetingKind::Regular,
    title: "Phiên họp Chính phủ thường kỳ tháng 11 năm 2026",
    in_days: 3,
    start_hour: 8,
    planned_minutes: 240,
    place: "Phòng họp Chính phủ, Trụ sở Chính phủ, Hà Nội",
    published: true,
    items: &[
        PlannedItem {
            title: "Tình hình kinh tế - xã hội tháng 11 và 11 tháng năm 2026; nhiệm vụ, giải pháp trọng tâm tháng 12 năm 2026",
            presenter: Some("BTC"),
            minutes: 45,
            documents: &["bao-cao-kinh-te-xa-hoi-thang-11.txt"],
            guests: &[],
        },
        PlannedItem {
            title: "Tình hình giải ngân vốn đầu tư công năm 2026",
            presenter: Some("BTC"),
            minutes: 30,
            documents: &["bao-cao-giai-ngan-dau-tu-cong.txt"],
            guests: &["dt.binh"],
        },
        PlannedItem {
            title: "Dự thảo Nghị định quy định về kết nối, chia sẻ dữ liệu giữa các cơ quan nhà nước",
            presenter: Some("BCA"),
            minutes: 30,
            documents: &[
                "to-trinh-nghi-dinh-chia-se-du-lieu.txt",
                "du-thao-nghi-dinh-chia-se-du-lieu.txt",
            ],
            guests: &[],
        },
        PlannedItem {
            title: "Tình hình triển khai Chính phủ điện tử, Chính phủ số năm 2026",
            presenter: Some("VPCP"),
            minutes: 25,
            documents: &["bao-cao-chinh-phu-so.txt"],
            guests: &[],
        },
        PlannedItem {
            title: "Đề án phát triển hạ tầng dữ liệu quốc gia giai đoạn 2026–2030",
            presenter: Some("BKHCN"),
            minutes: 30,
            documents: &["de-an-ha-tang-du-lieu-quoc-gia.txt"],
            guests: &[],
        },
        PlannedItem {
            title: "Công tác phòng, chống thiên tai và khắc phục hậu quả mưa lũ tại các tỉnh miền Trung",
            presenter: Some("BNNMT"),
            minutes: 25,
            documents: &["bao-cao-phong-chong-thien-tai.txt"],
            guests: &[],
        },
        PlannedItem {
            title: "Kết quả cải cách thủ tục hành chính 10 tháng năm 2026",
            presenter: Some("VPCP"),
            minutes: 20,
            documents: &["bao-cao-cai-cach-thu-tuc-hanh-chinh.txt"],
            guests: &[],
        },
        PlannedItem {
            title: "Các vấn đề khác",
            presenter: None,
            minutes: 15,
            documents: &[],
            guests: &[],
        },
    ],
};

pub const THEMATIC_SESSION: PlannedMeeting = PlannedMeeting {
    kind: MeetingKind::Thematic,
    title: "Phiên họp Chính phủ chuyên đề về xây dựng pháp luật tháng 12 năm 2026",
    in_days: 17,
    start_hour: 8,
    planned_minutes: 180,
    place: "Phòng họp Chính phủ, Trụ sở Chính phủ, Hà Nội",
    published: false,
    items: &[
        PlannedItem {
            title: "Đề nghị xây dựng Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật",
            presenter: Some("BTP"),
            minutes: 60,
            documents: &["to-trinh-du-an-luat-sua-doi.txt"],
            guests: &[],
        },
        PlannedItem {
            title: "Dự án Luật Dữ liệu cá nhân (sửa đổi)",
            presenter: Some("BCA"),
            minutes: 60,
            documents: &[],
            guests: &[],
        },
        PlannedItem {
            title: "Đề nghị xây dựng Luật Đầu tư công (sửa đổi)",
            presenter: Some("BTC"),
            minutes: 50,
            documents: &[],
            guests: &[],
        },
    ],
};

pub struct PlannedBallot {
    pub title: &'static str,
    pub question: &'static str,
    pub deadline_in_days: i64,
    pub deadline_hour: u32,
    pub documents: &'static [&'static str],
}

pub const OPEN_BALLOT: PlannedBallot = PlannedBallot {
    title: "Phiếu lấy ý kiến thành viên Chính phủ về dự thảo Nghị định sửa đổi, bổ sung một số điều của Nghị định quy định về quản lý thuế đối với hoạt động kinh doanh thương mại điện tử",
    question: "Đồng chí có đồng ý thông qua dự thảo Nghị định sửa đổi, bổ sung một số điều của Nghị định quy định về quản lý thuế đối với hoạt động kinh doanh thương mại điện tử do Bộ Tài chính trình không?",
    deadline_in_days: 4,
    deadline_hour: 17,
    documents: &["du-thao-nghi-dinh-thue-thuong-mai-dien-tu.txt"],
};
