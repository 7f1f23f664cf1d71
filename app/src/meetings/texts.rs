//! The words of the meetings pages, Vietnamese first. A missing translation does not compile.
use crate::i18n::Lang;

pub struct MeetingTexts {
    pub enter_room: &'static str,
}

static VI: MeetingTexts = MeetingTexts {
    enter_room: "Vào phòng họp",
};

static EN: MeetingTexts = MeetingTexts {
    enter_room: "Enter the meeting room",
};

pub fn texts(lang: Lang) -> &'static MeetingTexts {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}
