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

/// The words of a query, folded: letters and digits only (what both engines' tokenizers keep).
pub fn query_words(query: &str) -> Vec<String> {
    fold(&normalise(query))
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .take(12)
        .collect()
}

/// Where the words of a query first appear in `folded`, as whole words in order with only
/// spaces or punctuation between them (a line break in a PDF's text included); failing that,
/// the first whole-word occurrence of the first word. A char index.
pub fn find(folded: &str, words: &[String]) -> Option<usize> {
    locate(folded, words).0.or(locate(folded, words).1)
}

/// Where the words of a query appear as a phrase (whole words, in order), if they do.
pub fn find_phrase(folded: &str, words: &[String]) -> Option<usize> {
    locate(folded, words).0
}

/// (the phrase's position, the first word's first whole-word position).
fn locate(folded: &str, words: &[String]) -> (Option<usize>, Option<usize>) {
    let chars: Vec<char> = folded.chars().collect();
    let is_word = |c: char| c.is_alphanumeric();
    // The end of `word` if it stands at `start` as a whole word.
    let word_at = |start: usize, word: &str| -> Option<usize> {
        let mut end = start;
        for w in word.chars() {
            if chars.get(end) != Some(&w) {
                return None;
            }
            end += 1;
        }
        (end == chars.len() || !is_word(chars[end])).then_some(end)
    };
    let Some(first) = words.first() else {
        return (None, None);
    };
    let mut first_alone = None;
    for start in 0..chars.len() {
        if start > 0 && is_word(chars[start - 1]) {
            continue;
        }
        let Some(mut end) = word_at(start, first) else {
            continue;
        };
        first_alone.get_or_insert(start);
        let whole = words[1..].iter().all(|word| {
            let mut next = end;
            while next < chars.len() && !is_word(chars[next]) {
                next += 1;
            }
            match word_at(next, word) {
                Some(e) if next > end => {
                    end = e;
                    true
                }
                _ => false,
            }
        });
        if whole {
            return (Some(start), first_alone);
        }
    }
    (None, first_alone)
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

/// A snippet of `original` around char index `at`: about `radius` characters either side,
/// cut at spaces, with ellipses where text was left out.
pub fn snippet(original: &str, at: usize, radius: usize) -> String {
    let chars: Vec<char> = original.chars().collect();
    let mut start = at.saturating_sub(radius);
    let mut end = (at + radius).min(chars.len());
    while start > 0 && start < at && !chars[start - 1].is_whitespace() {
        start += 1;
    }
    while end < chars.len() && end > at && !chars[end].is_whitespace() {
        end -= 1;
    }
    let body: String = chars[start..end].iter().collect();
    let body = body.split_whitespace().collect::<Vec<_>>().join(" ");
    format!(
        "{}{}{}",
        if start > 0 { "… " } else { "" },
        body,
        if end < chars.len() { " …" } else { "" }
    )
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
    fn queries_become_folded_words() {
        assert_eq!(query_words("  Đà-Nẵng, 2026! "), ["da", "nang", "2026"]);
        assert!(query_words("\"*()").is_empty());
    }

    #[test]
    fn phrases_match_whole_words_across_line_breaks() {
        let words = query_words("da nang");
        // "dân" folds to "dan": not the word "da".
        assert_eq!(find(&fold("người dân Đà\nNẵng"), &words), Some(10));
        assert_eq!(find(&fold("dân đang"), &words), None);
        // Only the first word present: where it stands alone.
        assert_eq!(find(&fold("dân đà"), &words), Some(4));
        // "đa dạng … năng lực": both words, not the phrase.
        assert_eq!(find_phrase(&fold("đa dạng năng lực"), &words), None);
        assert!(contains_exactly("Thành phố Đà\nNẵng", "đà nẵng"));
        assert!(!contains_exactly("Thành phố Đà Nẵng", "da nang"));
    }

    #[test]
    fn snippets_show_the_original_around_the_match() {
        let original = "Báo cáo về tình hình kinh tế - xã hội của thành phố Đà Nẵng trong năm 2026 và kế hoạch";
        let folded = fold(original);
        let at = find(&folded, &query_words("da nang")).unwrap();
        assert_eq!(
            original.chars().skip(at).take(7).collect::<String>(),
            "Đà Nẵng"
        );
        // 20 characters either side (52 ± 20), widened to whole words: "hội" … "năm".
        assert_eq!(
            snippet(original, at, 20),
            "… hội của thành phố Đà Nẵng trong năm …"
        );
    }
}
