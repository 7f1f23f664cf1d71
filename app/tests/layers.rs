//! The layers, one way down: every `crate::…` path in `app/src` must be an arrow that the table
//! in `docs/architecture.md` allows. A fitness function in the manner of ArchUnit: it reads the
//! code as text, so it needs no build of its own and names the file and line of each arrow it
//! refuses.
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layer {
    Top,
    Domain,
    Shared,
}

/// The table: each module's layer and what it may use; the exceptions by file.
struct Table {
    rows: BTreeMap<String, (Layer, BTreeSet<String>)>,
    /// file (relative to `app/src`) → module paths it may also use.
    exceptions: BTreeMap<String, Vec<String>>,
}

/// Crate-root items that are not modules, and the module they come from.
const ROOT_ITEMS: &[(&str, &str)] = &[
    ("with_db", "db"),
    ("with_tx", "db"),
    ("labelled_enum", "i18n"),
    ("texts", "i18n"),
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn cells(line: &str) -> Vec<String> {
    line.trim()
        .trim_matches('|')
        .split('|')
        .map(|c| c.trim().to_owned())
        .collect()
}

fn names(cell: &str) -> impl Iterator<Item = String> + '_ {
    cell.split(',')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
}

fn read_table(text: &str) -> Table {
    let mut rows = BTreeMap::new();
    let mut exceptions = BTreeMap::new();
    for line in text.lines().filter(|l| l.trim_start().starts_with('|')) {
        let c = cells(line);
        if c.len() == 3 && matches!(c[1].as_str(), "top" | "domain" | "shared") {
            let layer = match c[1].as_str() {
                "top" => Layer::Top,
                "domain" => Layer::Domain,
                _ => Layer::Shared,
            };
            rows.insert(c[0].clone(), (layer, names(&c[2]).collect()));
        } else if c.len() == 3 && c[0].ends_with(".rs") {
            exceptions.insert(c[0].clone(), names(&c[1]).collect());
        }
    }
    Table { rows, exceptions }
}

/// One arrow: `crate::target::rest` at a line of a file.
struct Arrow {
    file: String,
    line: usize,
    /// The path after `crate::`, e.g. `ballots::problem::BallotProblem`.
    path: String,
}

/// Every `crate::…` path outside comments, grouped imports spread out.
fn arrows_of(file: &str, text: &str) -> Vec<Arrow> {
    let mut out = Vec::new();
    let mut group: Option<(usize, String)> = None;
    for (i, raw) in text.lines().enumerate() {
        let code = match raw.find("//") {
            Some(at) => &raw[..at],
            None => raw,
        };
        if let Some((start, mut body)) = group.take() {
            body.push_str(code);
            if code.contains("};") {
                for path in spread(&body) {
                    out.push(Arrow {
                        file: file.to_owned(),
                        line: start,
                        path,
                    });
                }
            } else {
                group = Some((start, body));
            }
            continue;
        }
        if let Some(at) = code.find("use crate::{") {
            let body = code[at + "use crate::{".len()..].to_owned();
            if body.contains("};") {
                for path in spread(&body) {
                    out.push(Arrow {
                        file: file.to_owned(),
                        line: i + 1,
                        path,
                    });
                }
            } else {
                group = Some((i + 1, body));
            }
            continue;
        }
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let tail = &rest[at + "crate::".len()..];
            let path: String = tail
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            out.push(Arrow {
                file: file.to_owned(),
                line: i + 1,
                path,
            });
            rest = tail;
        }
    }
    out
}

/// The first segments of a grouped import's body: `a::b, c::{d, e}};` → `a::b`, `c`.
fn spread(body: &str) -> Vec<String> {
    let body = body.split("};").next().unwrap_or_default();
    let mut depth = 0;
    let mut item = String::new();
    let mut out = Vec::new();
    for c in body.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                out.push(item.trim().to_owned());
                item.clear();
                continue;
            }
            _ => {}
        }
        if depth == 0 && c != '}' {
            item.push(c);
        }
    }
    out.push(item.trim().to_owned());
    out.into_iter()
        .map(|i| i.replace(' ', ""))
        .filter(|i| !i.is_empty())
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("app/src is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module a file belongs to: its first component under `app/src`.
fn module_of(relative: &str) -> String {
    let first = relative.split('/').next().unwrap_or_default();
    first.trim_end_matches(".rs").to_owned()
}

fn target_module(path: &str) -> String {
    let first = path.split("::").next().unwrap_or_default();
    ROOT_ITEMS
        .iter()
        .find(|(item, _)| *item == first)
        .map_or(first, |(_, module)| module)
        .to_owned()
}

/// What the table refuses in the files given (relative path, text).
fn refusals(table: &Table, files: &[(String, String)]) -> Vec<String> {
    let mut refused = Vec::new();
    let exception_targets: BTreeSet<String> =
        table.exceptions.values().flatten().cloned().collect();
    for (file, text) in files {
        if file == "lib.rs" {
            continue;
        }
        let from = module_of(file);
        let Some((layer, allowed)) = table.rows.get(&from) else {
            refused.push(format!(
                "app/src/{file}: module `{from}` is not in the table of docs/architecture.md"
            ));
            continue;
        };
        // A module an exception names may use shared blocks only.
        let file_path = file.trim_end_matches(".rs").replace('/', "::");
        let leaf = exception_targets.contains(&file_path);
        for arrow in arrows_of(file, text) {
            let to = target_module(&arrow.path);
            if to == from || to.is_empty() {
                continue;
            }
            let Some((to_layer, _)) = table.rows.get(&to) else {
                refused.push(format!(
                    "app/src/{}:{}: `crate::{}`: module `{to}` is not in the table",
                    arrow.file, arrow.line, arrow.path
                ));
                continue;
            };
            let ok = if leaf {
                *to_layer == Layer::Shared
            } else {
                match layer {
                    Layer::Top => *to_layer != Layer::Top,
                    Layer::Domain => *to_layer == Layer::Shared || allowed.contains(&to),
                    Layer::Shared => allowed.contains(&to),
                }
            } || table.exceptions.get(file).is_some_and(|paths| {
                paths
                    .iter()
                    .any(|p| arrow.path == *p || arrow.path.starts_with(&format!("{p}::")))
            });
            if !ok {
                refused.push(format!(
                    "app/src/{}:{}: `{from}` may not use `crate::{}` (the table in docs/architecture.md)",
                    arrow.file, arrow.line, arrow.path
                ));
            }
        }
    }
    refused
}

/// A cycle among the domains' allowed arrows, if any.
fn cycle(table: &Table) -> Option<Vec<String>> {
    fn visit(
        table: &Table,
        at: &str,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == at) {
            let mut found = path[i..].to_vec();
            found.push(at.to_owned());
            return Some(found);
        }
        if done.contains(at) {
            return None;
        }
        path.push(at.to_owned());
        for next in table.rows.get(at).map(|r| r.1.clone()).unwrap_or_default() {
            if let Some(found) = visit(table, &next, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(at.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    for start in table.rows.keys() {
        if let Some(found) = visit(table, start, &mut Vec::new(), &mut done) {
            return Some(found);
        }
    }
    None
}

fn table() -> Table {
    let text = std::fs::read_to_string(root().join("../docs/architecture.md"))
        .expect("docs/architecture.md is readable");
    read_table(&text)
}

fn sources() -> Vec<(String, String)> {
    let src = root().join("src");
    let mut paths = Vec::new();
    rust_files(&src, &mut paths);
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let relative = p
                .strip_prefix(&src)
                .expect("under app/src")
                .to_string_lossy()
                .replace('\\', "/");
            let text = std::fs::read_to_string(&p).expect("a source file is readable");
            (relative, text)
        })
        .collect()
}

#[test]
fn every_arrow_is_one_the_table_allows() {
    let table = table();
    assert!(
        table.rows.len() >= 15,
        "the table of docs/architecture.md was not found"
    );
    let refused = refusals(&table, &sources());
    assert!(
        refused.is_empty(),
        "{} arrow(s) against the layers:\n{}",
        refused.len(),
        refused.join("\n")
    );
}

#[test]
fn the_allowed_arrows_make_no_cycle() {
    assert_eq!(cycle(&table()), None);
}

#[test]
fn an_arrow_up_is_refused_with_its_file_and_line() {
    // A domain reaching up, a shared block reaching into a domain, a grouped import spread
    // over lines, and a mention in a comment (not an arrow).
    let files = vec![
        (
            "identity/session.rs".to_owned(),
            "use crate::db::Db;\n// see crate::room::model\nuse crate::room::model::Room;\n"
                .to_owned(),
        ),
        (
            "ui/format.rs".to_owned(),
            "use crate::{\n    i18n::Lang,\n    meetings::model::MeetingKind,\n};\n".to_owned(),
        ),
        (
            "error.rs".to_owned(),
            "use crate::ballots::problem::BallotProblem;\nuse crate::ballots::store;\n".to_owned(),
        ),
        (
            "ballots/problem.rs".to_owned(),
            "use crate::identity::model::Role;\n".to_owned(),
        ),
        ("newdomain/mod.rs".to_owned(), String::new()),
    ];
    let refused = refusals(&table(), &files);
    assert_eq!(
        refused,
        vec![
            "app/src/identity/session.rs:3: `identity` may not use `crate::room::model::Room` (the table in docs/architecture.md)",
            "app/src/ui/format.rs:1: `ui` may not use `crate::meetings::model::MeetingKind` (the table in docs/architecture.md)",
            "app/src/error.rs:2: `error` may not use `crate::ballots::store` (the table in docs/architecture.md)",
            "app/src/ballots/problem.rs:1: `ballots` may not use `crate::identity::model::Role` (the table in docs/architecture.md)",
            "app/src/newdomain/mod.rs: module `newdomain` is not in the table of docs/architecture.md",
        ]
    );
}

#[test]
fn a_cycle_in_the_table_is_found() {
    let mut table = table();
    table
        .rows
        .get_mut("identity")
        .expect("identity is in the table")
        .1
        .insert("room".to_owned());
    let found = cycle(&table).expect("identity → room → … → identity");
    assert_eq!(found.first(), found.last());
    assert!(found.contains(&"identity".to_owned()) && found.contains(&"room".to_owned()));
}
