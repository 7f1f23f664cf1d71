//! The words of the task pages, Vietnamese first.
crate::texts! {
    pub struct TaskTexts {
        title: "Theo dõi nhiệm vụ", "Follow-up tasks";
        figures: "Tình hình thực hiện", "Where the tasks stand";
        assigned: "Được giao", "Assigned";
        completion: "Tỷ lệ hoàn thành", "Completion rate";
        on_time_share: "Hoàn thành đúng hạn trên số đã hoàn thành", "Done on time, of those done";
        median_days: "Số ngày (trung vị) từ kết luận đến hoàn thành", "Median days from conclusion to done";
        by_ministry: "Theo cơ quan chủ trì", "By lead agency";
        by_source: "Theo nguồn giao", "By source";
        chart_by_ministry: "Nhiệm vụ theo cơ quan chủ trì", "Tasks by lead agency";
        oldest_overdue: "Quá hạn lâu nhất", "Overdue the longest";
        on_time_by_month: "Tỷ lệ hoàn thành đúng hạn theo tháng (%)", "Share done on time, by month (%)";
        month: "Tháng", "Month";
        done: "Đã hoàn thành", "Done";
        done_on_time: "Đúng hạn", "On time";
        burn_down: "Nhiệm vụ còn phải thực hiện cuối mỗi tháng", "Tasks still open at each month's end";
        resolution: "Nghị quyết / phiên họp", "Resolution / meeting";
        open_tasks: "Còn phải thực hiện", "Still open";
        list: "Danh sách nhiệm vụ", "All tasks";
        none: "Chưa có nhiệm vụ nào.", "No tasks yet.";
        ministry: "Cơ quan", "Agency";
        lead: "Cơ quan chủ trì", "Lead agency";
        coordinators: "Cơ quan phối hợp", "Coordinating agencies";
        deadline: "Thời hạn", "Deadline";
        first_deadline: "Thời hạn ban đầu", "First deadline";
        regular: "Thường xuyên", "Regular";
        source: "Nguồn", "Source";
        status: "Tình trạng", "Status";
        history: "Quá trình thực hiện", "History";
        new_task: "Giao nhiệm vụ", "Assign a task";
        field_text: "Nội dung nhiệm vụ", "The task";
        field_source: "Nguồn giao", "Source";
        field_item: "Nội dung phiên họp đã có kết luận", "Concluded agenda item";
        field_ballot: "Phiếu lấy ý kiến đã kết thúc", "Closed ballot";
        field_resolution: "Số nghị quyết", "Resolution number";
        field_lead: "Cơ quan chủ trì (mã, ví dụ BTC)", "Lead agency (code, e.g. BTC)";
        field_coordinators: "Cơ quan phối hợp (mã, cách nhau bằng dấu phẩy)", "Coordinating agencies (codes, comma-separated)";
        field_deadline: "Thời hạn", "Deadline";
        field_cycle: "Hoặc chu kỳ báo cáo (nhiệm vụ thường xuyên)", "Or a reporting cycle (regular task)";
        no_cycle: "— có thời hạn —", "— has a deadline —";
        field_responsible: "Thành viên Chính phủ phụ trách (không bắt buộc)", "Responsible Government member (optional)";
        responsible: "Thành viên Chính phủ phụ trách", "Responsible Government member";
        assign: "Giao nhiệm vụ", "Assign";
        report: "Báo cáo", "Report";
        report_kind: "Loại báo cáo", "Kind of report";
        report_body: "Nội dung báo cáo", "Report";
        percent: "Tiến độ (%)", "Progress (%)";
        send_report: "Gửi báo cáo", "Send the report";
        evidence: "Tệp minh chứng (PDF; bắt buộc khi báo cáo hoàn thành)", "Evidence (PDF; required to report completion)";
        attached: "Tệp kèm theo", "Attached files";
        pages: "trang", "pages";
        contribute: "Gửi ý kiến phối hợp", "Send the contribution";
        ask_extension: "Đề nghị gia hạn", "Ask for an extension";
        new_deadline: "Thời hạn đề nghị", "Deadline asked for";
        reason: "Lý do", "Reason";
        decide: "Xem xét báo cáo hoàn thành", "Review the completion report";
        accept: "Xác nhận hoàn thành", "Accept as done";
        return_it: "Trả lại", "Return";
        extension_pending: "Đề nghị gia hạn đến", "Extension asked until";
        grant: "Đồng ý gia hạn", "Grant";
        refuse: "Không đồng ý", "Refuse";
        done_on: "Ngày hoàn thành", "Done on";
        download_csv: "Tải danh sách (CSV)", "Download the list (CSV)";
        import_title: "Nhập nhiệm vụ giai đoạn trước (CSV)", "Import earlier tasks (CSV)";
        import_hint:
            "Cột: nội_dung, chủ_trì (mã bộ), phối_hợp (mã, cách nhau bằng dấu chấm phẩy), nghị_quyết, ngày_giao, thời_hạn, ngày_hoàn_thành. Nhập tất cả hoặc không dòng nào.",
            "Columns: text, lead (ministry code), coordinators (codes separated by semicolons), resolution, assigned_on, deadline, done_on. All lines or none.";
        import_file: "Tệp CSV", "CSV file";
        import_text: "Nội dung tệp", "The file's content";
        import_button: "Nhập", "Import";
        imported: "Đã nhập số nhiệm vụ:", "Tasks imported:";
    }
}
