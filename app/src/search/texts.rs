//! The words of search, Vietnamese first. A missing translation does not compile.

crate::texts! {
    pub struct SearchTexts {
        search_title: "Tìm kiếm", "Search";
        search_label:
            "Tìm trong tài liệu, tên cuộc họp, ý kiến, kết luận và biên bản",
            "Search documents, meeting titles, comments, conclusions and minutes";
        search_button: "Tìm", "Search";
        search_hint:
            "Gõ có dấu hoặc không dấu: \"da nang\" tìm được \"Đà Nẵng\"; \"01 nq cp\" tìm được \"01/NQ-CP\".",
            "Type with or without accents: \"da nang\" finds \"Đà Nẵng\"; \"01 nq cp\" finds \"01/NQ-CP\".";
        search_nothing:
            "Không tìm thấy kết quả trong những gì đồng chí được xem.",
            "Nothing found in what you may see.";
        filter_meeting: "Cuộc họp", "Meeting";
        filter_any_meeting: "Tất cả cuộc họp", "All meetings";
        filter_from: "Từ ngày", "From";
        filter_to: "Đến ngày", "To";
        results_total: "kết quả", "results";
        kind_documents: "Tài liệu", "Documents";
        kind_meeting: "Tên cuộc họp", "Meeting titles";
        kind_item: "Nội dung họp", "Agenda items";
        kind_comment: "Ý kiến", "Comments";
        kind_conclusion: "Kết luận", "Conclusions";
        kind_minutes: "Biên bản", "Minutes";
        pages_found: "trang", "pages";
        in_documents: "trong", "in";
        documents_count: "tài liệu", "documents";
        page_label: "Trang", "Page";
        other_pages: "Các trang khác:", "Other pages:";
        version_label: "phiên bản", "version";
        superseded: "Bản cũ, đã được thay thế", "Old version, since replaced";
        cancelled: "Cuộc họp đã hủy", "Meeting cancelled";
        ballot_place: "Phiếu lấy ý kiến", "Written-opinion ballot";
        named: "Tên tài liệu khớp", "Title matches";
        more_pages: "Xem thêm trang tài liệu", "More document pages";
        more_hint:
            "Đã hiện các trang mới nhất; còn trang khác chứa từ khóa.",
            "The newest pages are shown; more pages hold the words.";
        shown_of: "Hiện", "Showing";
        shown_of_total: "trên tổng số", "of";
    }
}
