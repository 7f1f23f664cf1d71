//! Numbered parameters for statements over a set of rows, written once for both engines
//! (`$1, $2, …`: PostgreSQL's own, and SQLite's numbered form).

/// `rows` groups of `width` parameters numbered from `first`: `($1, $2), ($3, $4)` for
/// width 2, or `$1, $2, $3` for width 1 (an `in (…)` list).
pub fn placeholders(first: usize, rows: usize, width: usize) -> String {
    let mut out = String::with_capacity(rows * width * 6);
    for row in 0..rows {
        if row > 0 {
            out.push_str(", ");
        }
        if width > 1 {
            out.push('(');
        }
        for col in 0..width {
            if col > 0 {
                out.push_str(", ");
            }
            out.push('$');
            out.push_str(&(first + row * width + col).to_string());
        }
        if width > 1 {
            out.push(')');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::placeholders;

    #[test]
    fn numbers_rows_of_parameters() {
        assert_eq!(placeholders(1, 3, 1), "$1, $2, $3");
        assert_eq!(placeholders(2, 2, 3), "($2, $3, $4), ($5, $6, $7)");
        assert_eq!(placeholders(1, 0, 2), "");
    }
}
