//! Recognising text set in the old 8-bit Vietnamese fonts (TCVN3/ABC ".VnTime", VNI-Times)
//! in a PDF without a ToUnicode map. A reader then decodes the font's byte codes as Latin-1
//! and gets "Ch¬¬ng tr×nh ph¸t triÓn" (TCVN3) or "Chöông trình phaùt trieån" (VNI) for
//! "Chương trình phát triển": text, but not the words on the page. Such a page is as good as
//! one without text, and is flagged the same way.
//!
//! The sign: Vietnamese in Unicode uses letters of its own on nearly every line (ă â đ ê ô ơ
//! ư and the precomposed letters of U+1EA0–U+1EF9); the legacy encodings never produce them,
//! and instead put Latin-1 symbols (¬ × ¸ · …) or letters Vietnamese does not use (ö ù å …
//! in VNI's letter-plus-mark pairs) inside words.

/// Letters only Vietnamese in Unicode produces (not the legacy encodings decoded as Latin-1).
fn vietnamese_only(c: char) -> bool {
    matches!(
        c,
        'ă' | 'Ă' | 'đ' | 'Đ' | 'ơ' | 'Ơ' | 'ư' | 'Ư' | 'ĩ' | 'Ĩ' | 'ũ' | 'Ũ'
    ) || ('\u{1EA0}'..='\u{1EF9}').contains(&c)
}

/// Latin-1 characters that Vietnamese text in Unicode does not contain: symbols, and letters
/// of other languages. À Á Â Ã È É Ê Ì Í Ò Ó Ô Õ Ù Ú Ý (and small) are Vietnamese, so not here.
fn foreign_latin1(c: char) -> bool {
    matches!(
        c,
        '\u{A1}'
            ..='\u{BF}'
                | '×'
                | '÷'
                | 'Ä'
                | 'Å'
                | 'Æ'
                | 'Ç'
                | 'Ë'
                | 'Î'
                | 'Ï'
                | 'Ð'
                | 'Ñ'
                | 'Ö'
                | 'Ø'
                | 'Û'
                | 'Ü'
                | 'Þ'
                | 'ß'
                | 'ä'
                | 'å'
                | 'æ'
                | 'ç'
                | 'ë'
                | 'î'
                | 'ï'
                | 'ð'
                | 'ñ'
                | 'ö'
                | 'ø'
                | 'û'
                | 'ü'
                | 'þ'
                | 'ÿ'
    )
}

/// Whether `text` reads as a legacy 8-bit Vietnamese encoding decoded as Latin-1: at least 20
/// letters, not one letter only Unicode Vietnamese has, and at least one character in twenty
/// foreign to Vietnamese. French or German text has such letters far more rarely; English
/// has none.
pub fn looks_legacy(text: &str) -> bool {
    let mut letters = 0usize;
    let mut foreign = 0usize;
    for c in text.chars() {
        if vietnamese_only(c) {
            return false;
        }
        if foreign_latin1(c) {
            foreign += 1;
        }
        if c.is_alphabetic() || foreign_latin1(c) {
            letters += 1;
        }
    }
    letters >= 20 && foreign * 20 >= letters
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tcvn3_and_vni_text_decoded_as_latin1_is_recognised() {
        // "Chương trình phát triển kinh tế - xã hội" in TCVN3, as pdf-extract returns it.
        assert!(looks_legacy("Ch¬-ng tr×nh ph¸t triÓn kinh tÕ - x· héi"));
        // The same in VNI-Times.
        assert!(looks_legacy(
            "Chöông trình phaùt trieån kinh teá - xaõ hoäi"
        ));
    }

    #[test]
    fn unicode_vietnamese_and_other_languages_are_not() {
        assert!(!looks_legacy(
            "Chương trình phát triển kinh tế - xã hội năm 2026"
        ));
        // Without a single letter of its own, but no foreign characters either.
        assert!(!looks_legacy(
            "Bao cao tinh hinh kinh te xa hoi thang muoi mot"
        ));
        assert!(!looks_legacy(
            "The Government reviewed the draft decree on electronic invoices."
        ));
        // French: 2 foreign letters (ç, ë) in 55 letters, under one in twenty.
        assert!(!looks_legacy(
            "Le gouvernement a examiné le projet de décret, reçu à Noël, en séance."
        ));
        // Too short to say.
        assert!(!looks_legacy("tr×nh"));
    }
}
