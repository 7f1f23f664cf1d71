//! Parameters for statements over a set of rows, written once for both engines.
//!
//! PostgreSQL names its parameters `$1, $2, …`. SQLite understands that form too, but looks a
//! numbered parameter up in a list of every name the statement has, once when it prepares the
//! statement and again for each value sqlx binds: a statement with thousands of them (a
//! batch of 256 answers is 3,840) costs time quadratic in their number, on the one task that
//! writes answers. Plain `?` (numbered in the order they appear) has no name to look up, so
//! on SQLite every parameter of such a statement is written that way, and its values must be
//! bound in the order they appear in the text.
use std::fmt::Write;

use super::Tx;

/// How a statement writes its parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Params {
    /// `$1, $2, …` (PostgreSQL).
    Numbered,
    /// `?, ?, …`, numbered in the order they appear (SQLite).
    InOrder,
}

impl Params {
    /// The form `tx`'s engine reads fastest.
    pub fn of(tx: &Tx) -> Self {
        match tx {
            Tx::Sqlite(_) => Params::InOrder,
            Tx::Postgres(_) => Params::Numbered,
        }
    }

    /// Parameter number `n`. In the `InOrder` form it must be the `n`th to appear.
    pub fn one(self, n: usize) -> String {
        let mut out = String::new();
        self.push(&mut out, n);
        out
    }

    /// Append parameter number `n` to `out`.
    fn push(self, out: &mut String, n: usize) {
        match self {
            Params::Numbered => {
                // Writing to a String cannot fail.
                let _ = write!(out, "${n}");
            }
            Params::InOrder => out.push('?'),
        }
    }

    /// `rows` groups of `width` parameters numbered from `first`: `($1, $2), ($3, $4)` for
    /// width 2, or `$1, $2, $3` for width 1 (an `in (…)` list).
    pub fn rows(self, first: usize, rows: usize, width: usize) -> String {
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
                self.push(&mut out, first + row * width + col);
            }
            if width > 1 {
                out.push(')');
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::Params;

    #[test]
    fn numbers_rows_of_parameters() {
        assert_eq!(Params::Numbered.rows(1, 3, 1), "$1, $2, $3");
        assert_eq!(Params::Numbered.rows(2, 2, 3), "($2, $3, $4), ($5, $6, $7)");
        assert_eq!(Params::Numbered.rows(1, 0, 2), "");
        assert_eq!(Params::Numbered.one(7), "$7");
    }

    #[test]
    fn in_order_parameters_carry_no_number() {
        assert_eq!(Params::InOrder.rows(1, 3, 1), "?, ?, ?");
        assert_eq!(Params::InOrder.rows(2, 2, 2), "(?, ?), (?, ?)");
        assert_eq!(Params::InOrder.one(1), "?");
    }
}
