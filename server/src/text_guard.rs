//! Every server function's free text is checked here once, before the function runs and
//! whichever engine stores it: form and JSON bodies are decoded field by field and each value
//! must pass [`app::text_rules::check`] (no control characters, a length per kind of field),
//! and a form's percent-encoding must decode to valid UTF-8 (the form decoder would otherwise
//! put "�" in its place). A failure is a 400 naming the field, as the server function's own
//! error (`AppError::BadRequest(BadInput::Text { .. })`), so the page shows it in the user's
//! language.
use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{header, HeaderValue, Method, StatusCode};

use app::error::{AppError, BadInput};
use app::text_rules::{check, TextField, TextProblem};

/// The largest server-function body read (a CSV import of 1 MB percent-encoded is ~3 MB).
const MAX_BODY: usize = 4 * 1024 * 1024;

type Problem = (TextField, TextProblem);

pub async fn check_text(request: Request, next: Next) -> Response {
    if request.method() != Method::POST || !request.uri().path().starts_with("/api/") {
        return next.run(request).await;
    }
    let kind = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let (parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_BODY).await else {
        return refuse(AppError::BadRequest(BadInput::TooLarge {
            limit_mb: (MAX_BODY / (1024 * 1024)) as u64,
        }));
    };
    let problem = if kind.starts_with("application/x-www-form-urlencoded") {
        check_form(&bytes)
    } else if kind.starts_with("application/json") {
        check_json(&bytes)
    } else {
        None
    };
    if let Some((field, problem)) = problem {
        tracing::info!(?field, ?problem, "server function input refused");
        return refuse(AppError::BadRequest(BadInput::Text { field, problem }));
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

fn refuse(error: AppError) -> Response {
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::BAD_REQUEST);
    let body = serde_json::to_string(&error).unwrap_or_default();
    let mut response = (status, body).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

/// `a=1&b=%C3%A1`: each value decoded strictly (`+` is a space).
fn check_form(bytes: &[u8]) -> Option<Problem> {
    for pair in bytes.split(|&b| b == b'&') {
        let mut halves = pair.splitn(2, |&b| b == b'=');
        let key = decode(halves.next().unwrap_or_default());
        let value = decode(halves.next().unwrap_or_default());
        let key = match key {
            Ok(key) => key,
            Err(()) => return Some((TextField::Other, TextProblem::NotUtf8)),
        };
        let problem = match value {
            Ok(value) => check(&key, &value).err(),
            Err(()) => Some((TextField::of(&key), TextProblem::NotUtf8)),
        };
        if problem.is_some() {
            return problem;
        }
    }
    None
}

fn decode(raw: &[u8]) -> Result<String, ()> {
    let spaced: Vec<u8> = raw
        .iter()
        .map(|&b| if b == b'+' { b' ' } else { b })
        .collect();
    percent_encoding::percent_decode(&spaced)
        .decode_utf8()
        .map(|text| text.into_owned())
        .map_err(|_| ())
}

/// A JSON body: every string, named by the key it is under (array items by their array's).
/// A body that is not JSON is left to the server function (a 400 of its own).
fn check_json(bytes: &[u8]) -> Option<Problem> {
    let value: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    walk("", &value)
}

fn walk(key: &str, value: &serde_json::Value) -> Option<Problem> {
    match value {
        serde_json::Value::String(text) => check(key, text).err(),
        serde_json::Value::Array(items) => items.iter().find_map(|item| walk(key, item)),
        serde_json::Value::Object(fields) => fields.iter().find_map(|(k, v)| walk(k, v)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_value_must_decode_to_utf8_and_pass_the_rules() {
        assert_eq!(check_form(b"id=1&body=D%C3%B2ng+m%E1%BB%99t"), None);
        assert_eq!(
            check_form(b"id=1&body=a%FFb"),
            Some((TextField::Text, TextProblem::NotUtf8))
        );
        assert_eq!(
            check_form(b"form%5Btitle%5D=a%00b"),
            Some((TextField::Title, TextProblem::ControlCharacter))
        );
        let long = format!("account[full_name]={}", "a".repeat(501));
        assert_eq!(
            check_form(long.as_bytes()),
            Some((TextField::Name, TextProblem::TooLong { max: 500 }))
        );
    }

    #[test]
    fn json_strings_are_checked_under_their_keys() {
        assert_eq!(
            check_json(br#"{"form":{"title":"ok","body":"a\u0000"}}"#),
            Some((TextField::Text, TextProblem::ControlCharacter))
        );
        assert_eq!(
            check_json(br#"{"order":["x","y\u001b"]}"#),
            Some((TextField::Other, TextProblem::ControlCharacter))
        );
        assert_eq!(
            check_json(r#"{"form":{"title":"Tờ trình số 01/TTr-BTC"}}"#.as_bytes()),
            None
        );
        assert_eq!(check_json(b"not json"), None);
    }
}
