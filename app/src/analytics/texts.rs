//! The words of the savings dashboard, Vietnamese first, and how its numbers are written.
use crate::i18n::Lang;

pub struct Texts {
    pub title: &'static str,
    pub goal: &'static str,
    pub meetings: &'static str,
    pub reduction: &'static str,
    pub saved: &'static str,
    pub moved: &'static str,
    pub net: &'static str,
    pub consent: &'static str,
    pub speaking: &'static str,
    pub pages: &'static str,
    pub cost: &'static str,
    pub read: &'static str,
    pub response: &'static str,
    pub chart_minutes: &'static str,
    pub baseline: &'static str,
    pub planned: &'static str,
    pub actual: &'static str,
    pub chart_reduction: &'static str,
    pub chart_pages: &'static str,
    pub chart_trend: &'static str,
    pub chart_items: &'static str,
    pub table: &'static str,
    pub csv: &'static str,
    pub date: &'static str,
    pub meeting: &'static str,
    pub items: &'static str,
    pub none_yet: &'static str,
    pub usage: &'static str,
    pub online: &'static str,
    pub opened_today: &'static str,
    pub readers: &'static str,
    pub pending: &'static str,
    pub nothing_pending: &'static str,
    pub settings: &'static str,
    pub cost_per_page: &'static str,
    pub per_item: &'static str,
    pub from_history: &'static str,
    pub no_history: &'static str,
    pub save: &'static str,
    pub saved_ok: &'static str,
    pub import: &'static str,
    pub import_hint: &'static str,
    pub import_button: &'static str,
    pub imported: &'static str,
    pub hours: &'static str,
    pub minutes: &'static str,
}

static VI: Texts = Texts {
    title: "Hiệu quả của Chính phủ điện tử",
    goal: "Mục tiêu: giảm 30% thời gian họp so với họp giấy",
    meetings: "Phiên họp đã tổ chức",
    reduction: "Giảm thời gian họp so với cơ sở",
    saved: "Thời gian họp tiết kiệm",
    moved: "Chuyển sang lấy ý kiến bằng phiếu",
    net: "Tiết kiệm thực (đã trừ phần chuyển sang phiếu)",
    consent: "Nội dung thông qua không thảo luận",
    speaking: "Tổng thời gian phát biểu",
    pages: "Trang giấy tiết kiệm (cộng dồn)",
    cost: "Chi phí in ấn tiết kiệm",
    read: "Tài liệu được đọc trên thiết bị",
    response: "Thời gian trả lời phiếu (trung vị)",
    chart_minutes: "Thời gian từng phiên họp (phút)",
    baseline: "Cơ sở (họp giấy)",
    planned: "Dự kiến",
    actual: "Thực tế",
    chart_reduction: "Mức giảm so với cơ sở theo phiên họp (%)",
    chart_pages: "Trang giấy tiết kiệm cộng dồn",
    chart_trend: "Số phút cho mỗi nội dung: họp giấy và Chính phủ điện tử",
    chart_items: "Thời gian từng nội dung của phiên họp gần nhất (phút)",
    table: "Chi tiết theo phiên họp",
    csv: "Tải về (CSV)",
    date: "Ngày",
    meeting: "Phiên họp",
    items: "Nội dung",
    none_yet: "Chưa có phiên họp nào kết thúc trên hệ thống.",
    usage: "Tình hình sử dụng hiện tại",
    online: "Đang trực tuyến",
    opened_today: "Lượt mở tài liệu hôm nay",
    readers: "người đọc",
    pending: "Phiếu đang chờ trả lời",
    nothing_pending: "Không có phiếu nào đang chờ.",
    settings: "Cơ sở so sánh và chi phí",
    cost_per_page: "Chi phí mỗi trang in (đồng)",
    per_item: "Số phút mỗi nội dung (để trống: tính từ dữ liệu họp giấy)",
    from_history: "theo dữ liệu họp giấy",
    no_history: "chưa có dữ liệu",
    save: "Lưu",
    saved_ok: "Đã lưu.",
    import: "Nhập dữ liệu các phiên họp giấy (CSV)",
    import_hint: "Cột: ngày, loại, thời_lượng_phút, số_nội_dung",
    import_button: "Nhập",
    imported: "Đã nhập",
    hours: "giờ",
    minutes: "phút",
};

static EN: Texts = Texts {
    title: "What e-Cabinet saves",
    goal: "Goal: 30% less meeting time than on paper",
    meetings: "Meetings held",
    reduction: "Meeting time reduced against the baseline",
    saved: "Meeting time saved",
    moved: "Moved to written ballots",
    net: "Net saving (less the time moved to ballots)",
    consent: "Items adopted without discussion",
    speaking: "Total speaking time",
    pages: "Paper pages saved (cumulative)",
    cost: "Printing cost saved",
    read: "Documents read on a device",
    response: "Ballot response time (median)",
    chart_minutes: "Length of each meeting (minutes)",
    baseline: "Baseline (on paper)",
    planned: "Planned",
    actual: "Actual",
    chart_reduction: "Reduction against the baseline per meeting (%)",
    chart_pages: "Paper pages saved, cumulative",
    chart_trend: "Minutes per agenda item: on paper and with e-Cabinet",
    chart_items: "Time per item of the latest meeting (minutes)",
    table: "Meeting by meeting",
    csv: "Download (CSV)",
    date: "Date",
    meeting: "Meeting",
    items: "Items",
    none_yet: "No meeting has closed in the system yet.",
    usage: "Live usage",
    online: "Online now",
    opened_today: "Documents opened today",
    readers: "readers",
    pending: "Ballots awaiting answers",
    nothing_pending: "No ballot is waiting.",
    settings: "Baseline and costs",
    cost_per_page: "Cost per printed page (đồng)",
    per_item: "Minutes per item (empty: from the paper-era meetings)",
    from_history: "from the paper-era meetings",
    no_history: "no data",
    save: "Save",
    saved_ok: "Saved.",
    import: "Import paper-era meetings (CSV)",
    import_hint: "Columns: date, kind, duration_minutes, items",
    import_button: "Import",
    imported: "Imported",
    hours: "h",
    minutes: "min",
};

pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// "12 giờ 5 phút" style, from minutes.
pub fn span(minutes: i64, lang: Lang) -> String {
    let sign = if minutes < 0 { "−" } else { "" };
    format!("{sign}{}", crate::ui::format::duration(minutes.abs(), lang))
}

/// 1234567 → "1.234.567" (Vietnamese) / "1,234,567".
pub fn thousands(n: i64, lang: Lang) -> String {
    let digits = n.abs().to_string();
    let sep = if lang == Lang::Vi { '.' } else { ',' };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    if n < 0 {
        format!("−{out}")
    } else {
        out
    }
}
