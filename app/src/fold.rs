//! Folding text for accent-insensitive matching: lower case, diacritics removed, and "đ"
//! mapped to "d" (a letter of its own that Unicode decomposition does not reduce).
//!
//! Folding is one character to one character, so a match found in the folded text is at the
//! same character positions in the original: snippets show the original accented text.
use unicode_normalization::UnicodeNormalization;

/// The folded form of one character.
pub fn fold_char(c: char) -> char {
    match c {
        'đ' | 'Đ' => 'd',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        c => {
            let lower = c.to_lowercase().next().unwrap_or(c);
            lower.nfd().next().unwrap_or(lower)
        }
    }
}

/// Text as stored: composed (NFC), so each Vietnamese letter is one character.
pub fn normalise(text: &str) -> String {
    text.nfc().collect()
}

/// The folded form of NFC text (same number of characters).
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// Whether `text` contains `query` as typed (accents included, case and spacing aside).
pub fn contains_exactly(text: &str, query: &str) -> bool {
    let squash = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let query = squash(&normalise(query));
    !query.is_empty() && squash(text).contains(&query)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_folds_to_plain_letters_and_d() {
        assert_eq!(fold("Chính phủ"), "chinh phu");
        assert_eq!(fold("Quyết định"), "quyet dinh");
        assert_eq!(fold("Đà Nẵng"), "da nang");
        assert_eq!(fold("Thủ tướng Chính phủ"), "thu tuong chinh phu");
        assert_eq!(fold("ƯU TIÊN ĐẦU TƯ"), "uu tien dau tu");
    }

    #[test]
    fn folding_keeps_character_positions() {
        for text in ["Nghị định số 12/2026/NĐ-CP", "Đường Trường Sơn", "ABC đ"] {
            assert_eq!(fold(text).chars().count(), text.chars().count(), "{text}");
        }
    }

    #[test]
    fn decomposed_input_is_composed_first() {
        // "ế" written as e + circumflex + acute (as some PDF text comes out).
        let decomposed = "quye\u{302}\u{301}t";
        assert_eq!(fold(&normalise(decomposed)), "quyet");
    }

    #[test]
    fn exact_matches_keep_accents() {
        assert!(contains_exactly("Thành phố Đà\nNẵng", "đà nẵng"));
        assert!(!contains_exactly("Thành phố Đà Nẵng", "da nang"));
    }
}
