//! The words of search, Vietnamese first. A missing translation does not compile.
use crate::i18n::Lang;

pub struct SearchTexts {
    pub search_title: &'static str,
    pub search_label: &'static str,
    pub search_button: &'static str,
    pub search_hint: &'static str,
    pub search_nothing: &'static str,
    pub search_kind_meeting: &'static str,
    pub search_kind_item: &'static str,
    pub page_label: &'static str,
}

static VI: SearchTexts = SearchTexts {
    search_title: "Tìm kiếm",
    search_label: "Tìm trong tên cuộc họp, nội dung và toàn văn tài liệu",
    search_button: "Tìm",
    search_hint: "Gõ có dấu hoặc không dấu: \"da nang\" tìm được \"Đà Nẵng\".",
    search_nothing: "Không tìm thấy kết quả trong những gì bạn được xem.",
    search_kind_meeting: "Cuộc họp",
    search_kind_item: "Nội dung họp",
    page_label: "trang",
};

static EN: SearchTexts = SearchTexts {
    search_title: "Search",
    search_label: "Search meeting and item titles and the full text of documents",
    search_button: "Search",
    search_hint: "Type with or without accents: \"da nang\" finds \"Đà Nẵng\".",
    search_nothing: "Nothing found in what you may see.",
    search_kind_meeting: "Meeting",
    search_kind_item: "Agenda item",
    page_label: "page",
};

pub fn texts(lang: Lang) -> &'static SearchTexts {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}
