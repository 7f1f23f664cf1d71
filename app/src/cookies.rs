//! Reading one cookie out of a `Cookie:` request header.

/// The value of cookie `name` in a `Cookie:` header, if present.
pub fn find<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.trim())
}

#[cfg(test)]
mod tests {
    use super::find;

    #[test]
    fn finds_exact_names_only() {
        assert_eq!(find("a=1; b=2", "b"), Some("2"));
        assert_eq!(find("a=1;b=2", "a"), Some("1"));
        assert_eq!(find("ab=1", "b"), None);
        assert_eq!(find("", "a"), None);
        assert_eq!(find("junk; a=x=y", "a"), Some("x=y"));
    }
}
