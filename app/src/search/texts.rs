//! The words of search, Vietnamese first. A missing translation does not compile.

crate::texts! {
    pub struct SearchTexts {
        search_title: "Tìm kiếm", "Search";
        search_label:
            "Tìm trong tên cuộc họp, nội dung và toàn văn tài liệu",
            "Search meeting and item titles and the full text of documents";
        search_button: "Tìm", "Search";
        search_hint:
            "Gõ có dấu hoặc không dấu: \"da nang\" tìm được \"Đà Nẵng\".",
            "Type with or without accents: \"da nang\" finds \"Đà Nẵng\".";
        search_nothing:
            "Không tìm thấy kết quả trong những gì đồng chí được xem.",
            "Nothing found in what you may see.";
        search_kind_meeting: "Cuộc họp", "Meeting";
        search_kind_item: "Nội dung họp", "Agenda item";
        page_label: "trang", "page";
    }
}
