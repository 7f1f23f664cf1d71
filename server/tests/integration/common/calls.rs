//! Calling the server as a page does: server functions (JSON or form), uploads, and the live
//! channel's event stream.
use std::time::Duration;

use futures::StreamExt;
use reqwest::header::{COOKIE, ORIGIN};
use serde_json::Value;

use super::{client, TestServer};

/// A server function with a JSON body; (status, body).
pub async fn call_json(
    server: &TestServer,
    cookie: &str,
    endpoint: &str,
    body: Value,
) -> (u16, String) {
    let response = client()
        .post(format!("{}/api/{endpoint}", server.base))
        .header(ORIGIN, &server.base)
        .header(COOKIE, cookie)
        .json(&body)
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

/// A server function with a form body; (status, body).
pub async fn call_form(
    server: &TestServer,
    cookie: &str,
    endpoint: &str,
    form: &[(&str, &str)],
) -> (u16, String) {
    let response = client()
        .post(format!("{}/api/{endpoint}", server.base))
        .header(ORIGIN, &server.base)
        .header(COOKIE, cookie)
        .form(form)
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

/// The form fields of a server function's struct argument `name`, built from its Rust type:
/// `name[field]=value` for each field (a `None` left out), as the form decoding reads them.
pub fn form_fields(name: &str, value: &impl serde::Serialize) -> Vec<(String, String)> {
    let Value::Object(fields) = serde_json::to_value(value).unwrap() else {
        panic!("{name} is not a struct");
    };
    fields
        .into_iter()
        .filter_map(|(field, value)| {
            let text = match value {
                Value::Null => return None,
                Value::String(text) => text,
                Value::Bool(_) | Value::Number(_) => value.to_string(),
                other => panic!("{name}.{field} = {other} is not one form field"),
            };
            Some((format!("{name}[{field}]"), text))
        })
        .collect()
}

/// A server function whose one argument `name` is a struct, sent as a form built from its
/// Rust type ([`form_fields`]); (status, body).
pub async fn call_form_of(
    server: &TestServer,
    cookie: &str,
    endpoint: &str,
    name: &str,
    value: &impl serde::Serialize,
) -> (u16, String) {
    let fields = form_fields(name, value);
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    call_form(server, cookie, endpoint, &pairs).await
}

/// `POST /documents/upload?{query}` with `bytes` as the body; (status, body).
pub async fn upload(
    server: &TestServer,
    cookie: &str,
    query: &str,
    bytes: Vec<u8>,
) -> (u16, String) {
    let response = client()
        .post(format!("{}/documents/upload?{query}", server.base))
        .header(ORIGIN, &server.base)
        .header(COOKIE, cookie)
        .body(bytes)
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

/// One Server-Sent Event: its name, its id (if it has one) and its data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sse {
    pub name: String,
    pub id: Option<String>,
    pub data: String,
}

pub type EventStream =
    std::pin::Pin<Box<dyn futures::Stream<Item = reqwest::Result<bytes::Bytes>> + Send>>;

/// An open live channel: the byte stream and what was read of it but not yet parsed.
pub struct Live {
    stream: EventStream,
    buffer: String,
    /// Whether `text` events are returned. They come whenever the background text job takes
    /// up or finishes a document (the demo's own, at start-up), so they are skipped unless a
    /// test follows them ([`Live::hearing_text`]).
    text: bool,
}

impl Live {
    /// This channel, returning `text` events too.
    pub fn hearing_text(mut self) -> Live {
        self.text = true;
        self
    }

    /// The next named event within `wait` (keep-alive comments skipped, and `text` events
    /// unless asked for).
    pub async fn next(&mut self, wait: Duration) -> Option<Sse> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let block: String = self.buffer.drain(..end + 2).collect();
                let field = |name: &str| {
                    block
                        .lines()
                        .find_map(|l| l.strip_prefix(name))
                        .map(str::to_owned)
                };
                if let Some(name) = field("event: ").filter(|n| self.text || n != "text") {
                    return Some(Sse {
                        name,
                        id: field("id: "),
                        data: field("data: ").unwrap_or_default(),
                    });
                }
                continue;
            }
            let chunk = tokio::time::timeout_at(deadline, self.stream.next())
                .await
                .ok()??
                .ok()?;
            self.buffer.push_str(&String::from_utf8_lossy(&chunk));
        }
    }

    /// Everything still to come, once the server has ended the stream (`None`: it did not
    /// end within `wait`).
    pub async fn rest(&mut self, wait: Duration) -> Option<String> {
        let deadline = tokio::time::Instant::now() + wait;
        let mut rest = std::mem::take(&mut self.buffer);
        loop {
            match tokio::time::timeout_at(deadline, self.stream.next()).await {
                Err(_) => return None,
                Ok(None) => return Some(rest),
                Ok(Some(chunk)) => rest.push_str(&String::from_utf8_lossy(&chunk.ok()?)),
            }
        }
    }

    /// The next event's name within `wait`.
    pub async fn next_name(&mut self, wait: Duration) -> Option<String> {
        self.next(wait).await.map(|e| e.name)
    }
}

/// Open `GET /api/live` (resuming after `last_event_id` if given) and wait for `ready`.
pub async fn open_live(server: &TestServer, cookie: &str, last_event_id: Option<&str>) -> Live {
    open_live_at(&server.base, cookie, last_event_id).await
}

/// [`open_live`] on the server at `base`.
pub async fn open_live_at(base: &str, cookie: &str, last_event_id: Option<&str>) -> Live {
    // No limit on the whole response (a stream may be followed for minutes): each read of
    // `Live` has its own deadline.
    let untimed = reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(10))
        .build()
        .expect("client");
    let mut request = untimed
        .get(format!("{base}/api/live"))
        .header(COOKIE, cookie);
    if let Some(id) = last_event_id {
        request = request.header("last-event-id", id);
    }
    let response = request.send().await.unwrap();
    assert_eq!(response.status(), 200);
    let mut live = Live {
        stream: Box::pin(response.bytes_stream()),
        buffer: String::new(),
        text: false,
    };
    assert_eq!(
        live.next_name(Duration::from_secs(5)).await.as_deref(),
        Some("ready")
    );
    live
}

/// A PDF of the demo set, with its page count.
pub fn demo_pdf(name: &str) -> (Vec<u8>, u32) {
    let rendered = server::demo::render_documents().unwrap();
    let pdf = &rendered[name].pdf;
    (pdf.bytes.clone(), pdf.page_count)
}
