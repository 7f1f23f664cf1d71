//! Snippets: the original (accented) text around the first place a phrase stands, with every
//! place it stands marked. Folding keeps character positions, so spans found in the folded
//! text are the same spans in the original.
use crate::search::model::Snippet;

/// About `radius` characters either side of the first span, widened to whole words; the spans
/// inside marked. Whitespace (line breaks of a PDF's text) is shown as single spaces.
pub fn snippet(original: &str, spans: &[(usize, usize)], radius: usize) -> Snippet {
    let chars: Vec<char> = original.chars().collect();
    let Some(&(first_start, first_end)) = spans.first() else {
        return Snippet(Vec::new());
    };
    let mut start = first_start.saturating_sub(radius);
    let mut end = (first_end + radius).min(chars.len());
    while start > 0 && start < first_start && !chars[start - 1].is_whitespace() {
        start += 1;
    }
    while end < chars.len() && end > first_end && !chars[end].is_whitespace() {
        end -= 1;
    }
    let mut parts: Vec<(String, bool)> = Vec::new();
    let push = |parts: &mut Vec<(String, bool)>, from: usize, to: usize, hit: bool| {
        if from >= to {
            return;
        }
        let text: String = squash(&chars[from..to]);
        match parts.last_mut() {
            Some((last, was)) if *was == hit => last.push_str(&text),
            _ => parts.push((text, hit)),
        }
    };
    if start > 0 {
        push_text(&mut parts, "… ");
    }
    let mut at = start;
    for &(s, e) in spans {
        let (s, e) = (s.max(at), e.min(end));
        if s >= e {
            continue;
        }
        push(&mut parts, at, s, false);
        push(&mut parts, s, e, true);
        at = e;
    }
    push(&mut parts, at, end, false);
    if end < chars.len() {
        push_text(&mut parts, " …");
    }
    Snippet(parts)
}

fn push_text(parts: &mut Vec<(String, bool)>, text: &str) {
    match parts.last_mut() {
        Some((last, false)) => last.push_str(text),
        _ => parts.push((text.to_owned(), false)),
    }
}

/// Runs of whitespace as one space.
fn squash(chars: &[char]) -> String {
    let mut out = String::with_capacity(chars.len());
    let mut space = false;
    for &c in chars {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

/// A whole short text (a title), every place the phrase stands marked.
pub fn whole(original: &str, spans: &[(usize, usize)]) -> Snippet {
    let len = original.chars().count();
    snippet(original, spans, len)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold::{fold, normalise};
    use crate::terms::{find_all, query_terms};

    fn marked(s: &Snippet) -> String {
        s.0.iter()
            .map(|(t, hit)| if *hit { format!("[{t}]") } else { t.clone() })
            .collect()
    }

    #[test]
    fn the_words_are_marked_in_the_original_text() {
        let original = "Báo cáo về tình hình kinh tế - xã hội của thành phố Đà Nẵng trong năm 2026 và kế hoạch";
        let spans = find_all(&fold(&normalise(original)), &query_terms("da nang"));
        assert_eq!(spans, [(52, 59)]);
        // 20 characters either side (32..79), narrowed to whole words (34..77).
        assert_eq!(
            marked(&snippet(original, &spans, 20)),
            "… hội của thành phố [Đà Nẵng] trong năm 2026 và …"
        );
    }

    #[test]
    fn every_place_in_the_window_is_marked_and_line_breaks_are_spaces() {
        let original = "Số 01/NQ-CP\nthay thế\n\n01 NQ CP";
        let spans = find_all(&fold(original), &query_terms("01/nq-cp"));
        assert_eq!(
            marked(&snippet(original, &spans, 80)),
            "Số [01/NQ-CP] thay thế [01 NQ CP]"
        );
        assert_eq!(
            marked(&whole(
                "Nghị quyết 01/NQ-CP",
                &find_all(&fold("Nghị quyết 01/NQ-CP"), &query_terms("nq cp"))
            )),
            "Nghị quyết 01/[NQ-CP]"
        );
        assert!(snippet("abc", &[], 10).0.is_empty());
    }
}
