//! The words of the savings dashboard, Vietnamese first, and how its numbers are written.
use crate::i18n::Lang;

crate::texts! {
    pub struct Texts {
        title: "Hiệu quả của Chính phủ điện tử", "What e-Cabinet saves";
        goal:
            "Mục tiêu: giảm 30 % thời gian họp so với họp giấy",
            "Goal: 30% less meeting time than on paper";
        meetings: "Phiên họp đã tổ chức", "Meetings held";
        reduction: "Giảm thời gian họp so với cơ sở", "Meeting time reduced against the baseline";
        saved: "Thời gian họp tiết kiệm", "Meeting time saved";
        moved: "Chuyển sang lấy ý kiến bằng phiếu", "Moved to written ballots";
        net:
            "Tiết kiệm thực (đã trừ phần chuyển sang phiếu)",
            "Net saving (less the time moved to ballots)";
        consent: "Nội dung thông qua không thảo luận", "Items adopted without discussion";
        speaking: "Tổng thời gian phát biểu", "Total speaking time";
        pages: "Trang giấy tiết kiệm (cộng dồn)", "Paper pages saved (cumulative)";
        cost: "Chi phí in ấn tiết kiệm", "Printing cost saved";
        read: "Tài liệu được đọc trên thiết bị", "Documents read on a device";
        response: "Thời gian trả lời phiếu (trung vị)", "Ballot response time (median)";
        task_days: "Từ kết luận đến hoàn thành nhiệm vụ (trung vị)", "From conclusion to task done (median)";
        days: "ngày", "days";
        chart_minutes: "Thời gian từng phiên họp (phút)", "Length of each meeting (minutes)";
        baseline: "Cơ sở (họp giấy)", "Baseline (on paper)";
        planned: "Dự kiến", "Planned";
        actual: "Thực tế", "Actual";
        chart_reduction:
            "Mức giảm so với cơ sở theo phiên họp (%)",
            "Reduction against the baseline per meeting (%)";
        chart_pages: "Trang giấy tiết kiệm cộng dồn", "Paper pages saved, cumulative";
        chart_trend:
            "Số phút cho mỗi nội dung: họp giấy và Chính phủ điện tử",
            "Minutes per agenda item: on paper and with e-Cabinet";
        chart_items:
            "Thời gian từng nội dung của phiên họp gần nhất (phút)",
            "Time per item of the latest meeting (minutes)";
        table: "Chi tiết theo phiên họp", "Meeting by meeting";
        counted: "Tính vào kết quả", "Counted";
        counts_yes: "Có", "Yes";
        counts_no: "Không", "No";
        far_shorter:
            "Chờ xem xét: ngắn hơn một nửa thời gian dự kiến",
            "Awaiting review: under half the planned time";
        review: "Xem xét", "Review";
        review_reason: "Lý do (được ghi vào nhật ký)", "Reason (entered in the log)";
        review_count: "Tính vào kết quả", "Count it";
        review_exclude: "Loại trừ", "Exclude it";
        csv: "Tải về (CSV)", "Download (CSV)";
        date: "Ngày", "Date";
        meeting: "Phiên họp", "Meeting";
        items: "Nội dung", "Items";
        none_yet:
            "Chưa có phiên họp nào kết thúc trên hệ thống.",
            "No meeting has closed in the system yet.";
        usage: "Tình hình sử dụng hiện tại", "Live usage";
        online: "Đang trực tuyến", "Online now";
        opened_today: "Lượt mở tài liệu hôm nay", "Documents opened today";
        readers: "người đọc", "readers";
        pending: "Phiếu đang chờ trả lời", "Ballots awaiting answers";
        nothing_pending: "Không có phiếu nào đang chờ.", "No ballot is waiting.";
        settings: "Cơ sở so sánh và chi phí", "Baseline and costs";
        cost_per_page: "Chi phí mỗi trang in (đồng)", "Cost per printed page (đồng)";
        per_item:
            "Số phút mỗi nội dung (để trống: tính từ dữ liệu họp giấy)",
            "Minutes per item (empty: from the paper-era meetings)";
        from_history: "theo dữ liệu họp giấy", "from the paper-era meetings";
        no_history: "chưa có dữ liệu", "no data";
        save: "Lưu", "Save";
        saved_ok: "Đã lưu.", "Saved.";
        import: "Nhập dữ liệu các phiên họp giấy (CSV)", "Import paper-era meetings (CSV)";
        import_hint:
            "Cột: ngày, loại, thời_lượng_phút, số_nội_dung",
            "Columns: date, kind, duration_minutes, items";
        import_button: "Nhập", "Import";
        imported: "Đã nhập", "Imported";
        minutes: "phút", "min";
    }
}

/// "12 giờ 5 phút" style, from minutes.
pub fn span(minutes: i64, lang: Lang) -> String {
    let sign = if minutes < 0 { "−" } else { "" };
    format!("{sign}{}", crate::ui::format::duration(minutes.abs(), lang))
}
