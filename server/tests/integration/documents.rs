//! Reading PDFs in a child process, on both engines: the demo documents are indexed for
//! search, and their first pages pictured for the reader; hostile and odd PDFs built here
//! (truncated, not a PDF, encrypted, image-only as an XObject or inline, a page tree that contains itself, a form that
//! draws itself, arrays nested 20,000 deep) each end within the limit with a clear status
//! while the server keeps serving. (Serving the files: `document_files.rs`; search over the
//! demo's PDFs: `search.rs`.)

use std::time::{Duration, Instant};

use crate::common::documents::wait_for_jobs;
use crate::common::*;
use lopdf::{dictionary, Document, Object, Stream};
use uuid::Uuid;

on_both_engines!(
    the_same_file_is_read_once,
    hostile_pdfs_end_with_a_clear_status_and_the_server_keeps_serving,
);

/// A version of a file already read gets its pages copied: here the PDF reader is one that
/// can only fail, and the new version is indexed all the same, page for page.
async fn the_same_file_is_read_once(engine: Engine) {
    let server = start_server(engine, true).await;
    let db = server.state.db.clone();
    wait_for_jobs(&server, Duration::from_secs(120)).await;
    let (twin, sha): (Uuid, String) = app::with_db!(&db, |pool| {
        sqlx::query_as(
            "select id, blob_sha256 from document_version where text_status = 'indexed'
             order by created_at limit 1",
        )
        .fetch_one(pool)
        .await
    })
    .unwrap();
    // Another document made of the same file, waiting to be read.
    let (item,): (Uuid,) = app::with_db!(&db, |pool| {
        sqlx::query_as("select id from agenda_item order by position desc limit 1")
            .fetch_one(pool)
            .await
    })
    .unwrap();
    let (document, version) = (Uuid::now_v7(), Uuid::now_v7());
    app::with_db!(&db, |pool| {
        sqlx::query(
            "insert into document (id, agenda_item_id, title, position, created_at, updated_at)
             values ($1, $2, 'Bản sao', 9, $3, $3)",
        )
        .bind(document)
        .bind(item)
        .bind(chrono::Utc::now())
        .execute(pool)
        .await
        .unwrap();
        sqlx::query(
            "insert into document_version (id, document_id, version_no, blob_sha256, file_name,
                                           created_at, text_status)
             values ($1, $2, 1, $3, 'ban-sao.pdf', $4, 'extracting')",
        )
        .bind(version)
        .bind(document)
        .bind(&sha)
        .bind(chrono::Utc::now())
        .execute(pool)
        .await
        .unwrap();
    });
    let broken = app::documents::extract::Extractor {
        exe: "/bin/false".into(),
        timeout: Duration::from_secs(5),
        memory_mb: 64,
        max_output: 1024,
    };
    let job = server::documents::jobs::Job {
        version_id: version,
        sha256: sha,
        attempts: 1,
    };
    let status = server::documents::jobs::process(&db, &broken, &job)
        .await
        .unwrap();
    assert_eq!(status, "indexed");
    let pages = |v: Uuid| {
        let db = db.clone();
        async move {
            let rows: Vec<(i64, String)> = app::with_db!(&db, |pool| {
                sqlx::query_as(
                    "select page_no, text from document_page where version_id = $1 order by page_no",
                )
                .bind(v)
                .fetch_all(pool)
                .await
            })
            .unwrap();
            rows
        }
    };
    let (mine, theirs) = (pages(version).await, pages(twin).await);
    assert!(!theirs.is_empty());
    assert_eq!(mine, theirs);
}

/// A child past its wall-clock limit is killed with everything it started, as the real child
/// starts `pdftoppm`. The stand-in child here starts a long `sleep`, notes its pid and waits.
#[tokio::test]
async fn a_child_past_its_limit_is_killed_with_what_it_started() {
    use app::documents::extract::{ChildError, Extractor};
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let exe = dir.path().join("slow-child");
    let pid_file = dir.path().join("grandchild.pid");
    let script = format!(
        "#!/bin/sh\nsleep 300 &\necho $! > '{}'\nexec sleep 300\n",
        pid_file.display()
    );
    std::fs::write(&exe, script).unwrap();
    std::fs::set_permissions(&exe, std::fs::Permissions::from_mode(0o755)).unwrap();
    let extractor = Extractor {
        exe,
        timeout: Duration::from_secs(1),
        memory_mb: 64,
        max_output: 1024,
    };
    let error = extractor.picture(b"%PDF-1.7").await.unwrap_err();
    assert_eq!(error, ChildError::Timeout(1));
    let pid = std::fs::read_to_string(&pid_file).unwrap();
    let stat = format!("/proc/{}/stat", pid.trim());
    // Gone, or a zombie until its new parent reaps it: either way no longer running.
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let state = std::fs::read_to_string(&stat).ok().and_then(|s| {
            let (_, rest) = s.rsplit_once(')')?;
            rest.trim_start().chars().next()
        });
        if matches!(state, None | Some('Z')) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "what the child started still runs ({state:?})"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Add a document with `bytes` under the first agenda item of the regular session.
pub(crate) async fn add(server: &TestServer, title: &str, bytes: &[u8]) -> Uuid {
    let db = &server.state.db;
    let meeting = meeting_id(db, REGULAR).await;
    let (item,): (Uuid,) = app::with_db!(db, |pool| {
        sqlx::query_as("select id from agenda_item where meeting_id = $1 order by position limit 1")
            .bind(meeting)
            .fetch_one(pool)
            .await
    })
    .unwrap();
    let mut tx = db.begin().await.unwrap();
    let document = app::documents::store::add_document(
        &mut tx,
        app::documents::store::NewDocument {
            agenda_item_id: Some(item),
            ballot_id: None,
            task_id: None,
            submission_id: None,
            title,
            position: 99,
            file_name: "x.pdf",
            bytes,
            page_count: None,
            uploaded_by: None,
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    document
}

async fn status_of(server: &TestServer, document: Uuid) -> (String, Option<String>) {
    app::with_db!(&server.state.db, |pool| {
        sqlx::query_as(
            "select text_status, text_error from document_version where document_id = $1",
        )
        .bind(document)
        .fetch_one(pool)
        .await
    })
    .unwrap()
}

fn save(mut doc: Document) -> Vec<u8> {
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

/// Make `doc` a one-page PDF whose page content is `content`, with `resources`; returns the
/// id of the page tree.
fn one_page(doc: &mut Document, content: &[u8], resources: lopdf::Dictionary) -> lopdf::ObjectId {
    let pages_id = doc.new_object_id();
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.to_vec()));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "MediaBox" => vec![0.into(), 0.into(), 200.into(), 200.into()],
        "Contents" => content_id,
        "Resources" => resources,
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![page_id.into()],
            "Count" => 1,
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    pages_id
}

fn image_only() -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let image_id = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => 2, "Height" => 2,
            "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
        },
        vec![0, 255, 255, 0],
    ));
    one_page(
        &mut doc,
        b"q 100 0 0 100 50 50 cm /Im1 Do Q",
        dictionary! { "XObject" => dictionary! { "Im1" => image_id } },
    );
    save(doc)
}

/// A scan written as an inline image (`BI … ID … EI`), as some scanners do for small pages.
fn inline_image() -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    one_page(
        &mut doc,
        b"q 100 0 0 100 50 50 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x00\xff\xff\x00 EI Q",
        dictionary! {},
    );
    save(doc)
}

/// A page set in an old 8-bit Vietnamese font (TCVN3 ".VnTime", WinAnsi, no ToUnicode map):
/// a reader decodes "Chương trình phát triển kinh tế - xã hội" as "Ch¬ng tr×nh ph¸t…".
fn legacy_font() -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => ".VnTime",
        "Encoding" => "WinAnsiEncoding", "FirstChar" => 32, "LastChar" => 255,
        "Widths" => vec![Object::Integer(500); 224],
    });
    one_page(
        &mut doc,
        b"BT /F1 12 Tf 20 100 Td (Ch\xac\xadng tr\xd7nh ph\xb8t tri\xd3n kinh t\xd5 - x\xb7 h\xe9i) Tj ET",
        dictionary! { "Font" => dictionary! { "F1" => font } },
    );
    save(doc)
}

/// A form XObject that draws itself: naive readers recurse without end.
fn self_drawing_form() -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let form_id = doc.new_object_id();
    doc.objects.insert(
        form_id,
        Object::Stream(Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Form",
                "BBox" => vec![0.into(), 0.into(), 10.into(), 10.into()],
                "Resources" => dictionary! { "XObject" => dictionary! { "Fm1" => form_id } },
            },
            b"/Fm1 Do".to_vec(),
        )),
    );
    one_page(
        &mut doc,
        b"/Fm1 Do",
        dictionary! { "XObject" => dictionary! { "Fm1" => form_id } },
    );
    save(doc)
}

/// A page tree whose only kid is the tree itself.
fn page_tree_loop() -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = one_page(&mut doc, b"BT ET", dictionary! {});
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => vec![pages_id.into()],
            "Count" => 1,
        }),
    );
    save(doc)
}

/// Encrypted with the standard handler (values that match no password).
fn encrypted() -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    one_page(
        &mut doc,
        b"BT /F1 12 Tf 20 100 Td (secret) Tj ET",
        dictionary! {},
    );
    let encrypt = doc.add_object(dictionary! {
        "Filter" => "Standard", "V" => 1, "R" => 2, "P" => -44,
        "O" => Object::string_literal(vec![7u8; 32]),
        "U" => Object::string_literal(vec![9u8; 32]),
    });
    doc.trailer.set("Encrypt", encrypt);
    doc.trailer.set(
        "ID",
        vec![
            Object::string_literal(vec![1u8; 16]),
            Object::string_literal(vec![1u8; 16]),
        ],
    );
    save(doc)
}

/// A catalog holding an array nested 20,000 deep, written by hand (a writer that recurses
/// would overflow its own stack): readers that parse by recursion overflow theirs
/// (RUSTSEC-2026-0187, lopdf before 0.42), and a stack overflow is an abort, not a panic.
fn deeply_nested() -> Vec<u8> {
    let depth = 20_000;
    let objects = [
        format!(
            "<< /Type /Catalog /Pages 2 0 R /X {}{} >>",
            "[".repeat(depth),
            "]".repeat(depth)
        ),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>".to_owned(),
    ];
    let mut pdf = b"%PDF-1.5\n".to_vec();
    let mut offsets = Vec::new();
    for (n, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", n + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(b"xref\n0 4\n0000000000 65535 f \n");
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!("trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    pdf
}

async fn hostile_pdfs_end_with_a_clear_status_and_the_server_keeps_serving(engine: Engine) {
    let server = start_server_with(engine, true, &["--extract-timeout-secs", "5"]).await;
    // The demo documents are read first (ten PDFs).
    wait_for_jobs(&server, Duration::from_secs(120)).await;
    let demo = app::documents::store::read_blob(&server.state.db, &{
        let (sha,): (String,) = app::with_db!(&server.state.db, |pool| {
            sqlx::query_as("select blob_sha256 from document_version limit 1")
                .fetch_one(pool)
                .await
        })
        .unwrap();
        sha
    })
    .await
    .unwrap();

    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("truncated", demo[..demo.len() / 2].to_vec()),
        ("not a PDF", b"PK\x03\x04 a zip file named .pdf".to_vec()),
        ("encrypted", encrypted()),
        ("image only", image_only()),
        ("inline image", inline_image()),
        ("legacy font", legacy_font()),
        ("self-drawing form", self_drawing_form()),
        ("page tree loop", page_tree_loop()),
        ("deeply nested", deeply_nested()),
    ];
    let started = Instant::now();
    let mut ids = Vec::new();
    for (name, bytes) in &cases {
        ids.push((*name, add(&server, name, bytes).await));
    }
    // Meanwhile the server answers.
    let health = client()
        .get(format!("{}/healthz", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), 200);
    // Nine jobs, one at a time, each within 5 s (plus start-up).
    wait_for_jobs(&server, Duration::from_secs(70)).await;
    assert!(
        started.elapsed() < Duration::from_secs(9 * 7),
        "{:?}",
        started.elapsed()
    );

    for (name, id) in &ids {
        let (status, error) = status_of(&server, *id).await;
        match *name {
            // Worked out by hand: no cross-reference table survives the cut; no header.
            "truncated" | "not a PDF" => {
                assert_eq!(status, "failed", "{name}");
                assert!(error.is_some(), "{name}");
            }
            // Refused with a reason (no pages survive the broken catalog): the reader did not
            // abort, as it did before lopdf 0.42.
            "deeply nested" => {
                assert_eq!(status, "failed", "{name}");
                let error = error.unwrap_or_default();
                assert!(error.starts_with("not a readable PDF"), "{name}: {error}");
            }
            "image only" | "inline image" | "legacy font" => {
                assert_eq!(status, "indexed", "{name}: {error:?}");
                let flagged: (bool,) = app::with_db!(&server.state.db, |pool| {
                    sqlx::query_as(
                        "select p.no_text from document_page p
                         join document_version v on v.id = p.version_id
                         where v.document_id = $1 and p.page_no = 1",
                    )
                    .bind(*id)
                    .fetch_one(pool)
                    .await
                })
                .unwrap();
                assert!(flagged.0, "{name}: the page is flagged as having no text");
            }
            // Either outcome is acceptable for these — what matters is that it ended.
            _ => assert!(
                status == "failed" || status == "indexed",
                "{name}: {status} {error:?}"
            ),
        }
    }
    let health = client()
        .get(format!("{}/readyz", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), 200);
}
