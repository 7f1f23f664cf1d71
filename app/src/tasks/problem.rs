//! What can be wrong with a task or an act on one, worded in each language.
crate::labelled_enum! {
    pub enum TaskProblem {
        TextMissing => "TextMissing",
            "Chưa nhập nội dung nhiệm vụ (tối đa 4.000 ký tự).",
            "The task's text is missing (at most 4,000 characters).";
        /// An unknown source, or a source without what it needs (a concluded item, a closed
        /// ballot, a resolution's number).
        SourceInvalid => "SourceInvalid",
            "Nguồn giao nhiệm vụ không hợp lệ: chọn nội dung đã có kết luận, phiếu đã kết thúc hoặc ghi số nghị quyết.",
            "The task's source is not valid: choose a concluded item, a closed ballot or give a resolution's number.";
        MinistryInvalid => "MinistryInvalid",
            "Cơ quan chủ trì hoặc phối hợp không hợp lệ (cơ quan phối hợp phải khác cơ quan chủ trì).",
            "The lead or coordinating agency is not valid (coordinators must differ from the lead).";
        /// Not a day, before today, or both a day and a cycle (or neither).
        DeadlineInvalid => "DeadlineInvalid",
            "Thời hạn phải là một ngày từ hôm nay trở đi, hoặc chọn chu kỳ báo cáo cho nhiệm vụ thường xuyên.",
            "The deadline must be a day from today on, or choose a reporting cycle for a regular task.";
        ResponsibleInvalid => "ResponsibleInvalid",
            "Thành viên Chính phủ phụ trách không hợp lệ.",
            "The responsible Government member is not valid.";
        ReportMissing => "ReportMissing",
            "Chưa nhập nội dung báo cáo.",
            "The report is empty.";
        PercentInvalid => "PercentInvalid",
            "Tiến độ phải là số nguyên từ 0 đến 100.",
            "Progress must be a whole number from 0 to 100.";
        /// The act does not fit where the task stands (done, or awaiting the Office, …).
        WrongState => "WrongState",
            "Nhiệm vụ không ở trạng thái cho phép thao tác này.",
            "The task is not in a state that allows this.";
        ReasonMissing => "ReasonMissing",
            "Cần nêu lý do.",
            "A reason is needed.";
        /// An extension to a day not after the deadline in force, or one already pending.
        ExtensionInvalid => "ExtensionInvalid",
            "Thời hạn đề nghị phải sau thời hạn hiện hành, và chưa có đề nghị nào đang chờ.",
            "The day asked for must be after the deadline in force, with no other request pending.";
        /// A file named in a report that is not the reporter's own upload to this task, is
        /// carried by another report already, or one too many.
        AttachmentInvalid => "AttachmentInvalid",
            "Tệp đính kèm không hợp lệ: hãy tải lên lại (tối đa 10 tệp PDF mỗi báo cáo).",
            "An attached file is not valid: upload it again (at most 10 PDFs per report).";
        EvidenceMissing => "EvidenceMissing",
            "Báo cáo hoàn thành cần kèm ít nhất một tệp PDF minh chứng.",
            "A completion report needs at least one PDF as evidence.";
    }
}
