//! The two engines' schemas agree: both migrated, every table's columns compared by name, type
//! family and nullability. What differs on purpose is listed below, with why; anything else —
//! a column added to one engine's migration only, a `not null` forgotten — fails here.
use std::collections::BTreeMap;

use app::db::Db;

use crate::common::{migrated, Engine};

/// Tables only SQLite has: its full-text index (FTS5 keeps its own shadow tables).
const SQLITE_ONLY_TABLES: &[&str] = &[
    "document_page_terms",
    "document_page_terms_config",
    "document_page_terms_data",
    "document_page_terms_docsize",
    "document_page_terms_idx",
];

/// Columns only PostgreSQL has: its full-text index is a column of the page, and so is the
/// order pages were stored in (SQLite's rowid).
const POSTGRES_ONLY_COLUMNS: &[(&str, &str)] =
    &[("document_page", "tsv"), ("document_page", "seq")];

/// How a value is stored, by family: SQLite keeps ids as 16-byte blobs, instants and dates as
/// ISO 8601 text, and booleans as 0/1.
fn family(engine: Engine, declared: &str) -> &'static str {
    let declared = declared.to_ascii_lowercase();
    match (engine, declared.as_str()) {
        (Engine::Sqlite, "blob") => "bytes",
        (Engine::Sqlite, "text") => "text",
        (Engine::Sqlite, "integer") => "integer",
        (Engine::Sqlite, "real") => "real",
        (Engine::Postgres, "uuid" | "bytea") => "bytes",
        (Engine::Postgres, "text" | "character varying" | "date" | "timestamp with time zone") => {
            "text"
        }
        (Engine::Postgres, "bigint" | "integer" | "smallint" | "boolean") => "integer",
        (Engine::Postgres, "double precision" | "real") => "real",
        _ => "unknown",
    }
}

/// table → column → (type family, nullable)
type Columns = BTreeMap<String, BTreeMap<String, (&'static str, bool)>>;

async fn columns(db: &Db) -> Columns {
    let mut out = Columns::new();
    match db {
        Db::Sqlite(pool) => {
            let rows: Vec<(String, String, String, bool, i64)> = sqlx::query_as(
                "select m.name, c.name, c.type, c.\"notnull\", c.pk
                 from sqlite_master m join pragma_table_info(m.name) c
                 where m.type = 'table' and m.name not like 'sqlite_%'
                   and m.name not like '_sqlx%'",
            )
            .fetch_all(pool)
            .await
            .expect("read SQLite's columns");
            for (table, column, declared, not_null, pk) in rows {
                // A primary key is never null on PostgreSQL; SQLite's own rule is looser, and
                // the app never writes a null one.
                let nullable = !not_null && pk == 0;
                out.entry(table)
                    .or_default()
                    .insert(column, (family(Engine::Sqlite, &declared), nullable));
            }
        }
        Db::Postgres(pool) => {
            let rows: Vec<(String, String, String, String)> = sqlx::query_as(
                "select table_name::text, column_name::text, data_type::text, is_nullable::text
                 from information_schema.columns
                 where table_schema = current_schema() and table_name not like '_sqlx%'",
            )
            .fetch_all(pool)
            .await
            .expect("read PostgreSQL's columns");
            for (table, column, declared, nullable) in rows {
                out.entry(table).or_default().insert(
                    column,
                    (family(Engine::Postgres, &declared), nullable == "YES"),
                );
            }
        }
    }
    out
}

/// What differs between the two schemas, leaving out what differs on purpose.
fn differences(sqlite: &Columns, postgres: &Columns) -> Vec<String> {
    let mut found = Vec::new();
    for (table, columns) in sqlite {
        if SQLITE_ONLY_TABLES.contains(&table.as_str()) {
            continue;
        }
        let Some(other) = postgres.get(table) else {
            found.push(format!("table {table}: only on SQLite"));
            continue;
        };
        for (column, (family, nullable)) in columns {
            match other.get(column) {
                None => found.push(format!("{table}.{column}: only on SQLite")),
                Some((pg_family, pg_nullable)) => {
                    if family != pg_family || *family == "unknown" {
                        found.push(format!(
                            "{table}.{column}: {family} on SQLite, {pg_family} on PostgreSQL"
                        ));
                    }
                    if nullable != pg_nullable {
                        found.push(format!(
                            "{table}.{column}: nullable {nullable} on SQLite, {pg_nullable} on PostgreSQL"
                        ));
                    }
                }
            }
        }
    }
    for (table, columns) in postgres {
        let Some(other) = sqlite.get(table) else {
            found.push(format!("table {table}: only on PostgreSQL"));
            continue;
        };
        for column in columns.keys() {
            if !other.contains_key(column)
                && !POSTGRES_ONLY_COLUMNS.contains(&(table.as_str(), column.as_str()))
            {
                found.push(format!("{table}.{column}: only on PostgreSQL"));
            }
        }
    }
    found
}

#[tokio::test]
async fn both_engines_have_the_same_tables_and_columns() {
    let sqlite = migrated(Engine::Sqlite).await;
    let postgres = migrated(Engine::Postgres).await;
    let (sqlite, postgres) = (columns(&sqlite.db).await, columns(&postgres.db).await);
    // Worked out from migrations/postgres: 54 `create table`, one `drop table`: 53 tables.
    assert!(
        postgres.len() == 53 && postgres.contains_key("audit_event"),
        "PostgreSQL's tables were not read: {:?}",
        postgres.keys().collect::<Vec<_>>()
    );
    assert_eq!(differences(&sqlite, &postgres), Vec::<String>::new());
}

#[test]
fn a_column_on_one_engine_only_or_of_another_kind_is_found() {
    let table = |cols: &[(&str, &'static str, bool)]| -> Columns {
        let mut t = Columns::new();
        for (name, family, nullable) in cols {
            t.entry("meeting".to_owned())
                .or_default()
                .insert((*name).to_owned(), (*family, *nullable));
        }
        t
    };
    let sqlite = table(&[
        ("id", "bytes", false),
        ("title", "text", false),
        ("place", "text", true),
    ]);
    let postgres = table(&[
        ("id", "bytes", false),
        ("title", "text", true),
        ("starts_at", "text", false),
        ("place", "integer", true),
    ]);
    assert_eq!(
        differences(&sqlite, &postgres),
        vec![
            "meeting.place: text on SQLite, integer on PostgreSQL",
            "meeting.title: nullable false on SQLite, true on PostgreSQL",
            "meeting.starts_at: only on PostgreSQL",
        ]
    );
    assert_eq!(family(Engine::Postgres, "timestamp with time zone"), "text");
    assert_eq!(family(Engine::Sqlite, "BLOB"), "bytes");
    assert_eq!(family(Engine::Postgres, "tsvector"), "unknown");
}
