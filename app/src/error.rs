//! The one error type of server functions and pages.
//!
//! It crosses the network (serialised), carries an HTTP status, and is shown to the user as a
//! message in their language. Internal details (SQL, I/O) are logged on the server with the
//! request's span and never sent to the client.
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// Not signed in, or the session ended.
    #[error("sign-in required")]
    Unauthenticated,
    /// Signed in, but this is not yours to do.
    #[error("forbidden")]
    Forbidden,
    /// The thing does not exist — or exists and the user may not know of it (same answer).
    #[error("not found")]
    NotFound,
    /// The request itself is malformed (a bad id, a missing field); the text names what.
    #[error("bad request: {0}")]
    BadRequest(BadInput),
    /// Something failed on our side; details are in the server log.
    #[error("internal error")]
    Internal,
    /// The server-function machinery itself failed (network, decoding).
    #[error("request failed: {0}")]
    Transport(String),
}

/// What was wrong with the input, as a closed set so the UI can word it in each language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BadInput {
    MeetingId,
    UserId,
    /// An enrolment link that is unknown, used, expired or for a deactivated account.
    EnrolmentLink,
    /// A passkey ceremony that did not verify (or expired, or was already finished).
    Passkey,
    /// The request's body is not what the endpoint takes.
    Malformed,
}

impl std::fmt::Display for BadInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message(Lang::En))
    }
}

impl BadInput {
    pub fn message(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (BadInput::MeetingId, Lang::Vi) => "Mã cuộc họp không hợp lệ.",
            (BadInput::MeetingId, Lang::En) => "The meeting identifier is not valid.",
            (BadInput::UserId, Lang::Vi) => "Mã người dùng không hợp lệ.",
            (BadInput::UserId, Lang::En) => "The user identifier is not valid.",
            (BadInput::EnrolmentLink, Lang::Vi) => {
                "Liên kết đăng ký không hợp lệ, đã được dùng hoặc đã hết hạn. Vui lòng đề nghị Văn phòng Chính phủ cấp liên kết mới."
            }
            (BadInput::EnrolmentLink, Lang::En) => {
                "This enrolment link is not valid, already used or expired. Please ask the Government Office for a new one."
            }
            (BadInput::Malformed, Lang::Vi) => "Yêu cầu không đúng định dạng.",
            (BadInput::Malformed, Lang::En) => "The request is not in the expected form.",
            (BadInput::Passkey, Lang::Vi) => "Không xác thực được khóa truy cập. Vui lòng thử lại.",
            (BadInput::Passkey, Lang::En) => "The passkey could not be verified. Please try again.",
        }
    }
}

impl AppError {
    pub fn status(&self) -> u16 {
        match self {
            AppError::Unauthenticated => 401,
            AppError::Forbidden => 403,
            AppError::NotFound => 404,
            AppError::BadRequest(_) => 400,
            AppError::Internal | AppError::Transport(_) => 500,
        }
    }

    /// The message the user sees, in their language.
    pub fn message(&self, lang: Lang) -> &'static str {
        match (self, lang) {
            (AppError::Unauthenticated, Lang::Vi) => "Vui lòng đăng nhập để tiếp tục.",
            (AppError::Unauthenticated, Lang::En) => "Please sign in to continue.",
            (AppError::Forbidden, Lang::Vi) => "Bạn không có quyền thực hiện thao tác này.",
            (AppError::Forbidden, Lang::En) => "You are not allowed to do this.",
            (AppError::NotFound, Lang::Vi) => "Không tìm thấy trang hoặc nội dung bạn yêu cầu.",
            (AppError::NotFound, Lang::En) => "The page or item you asked for was not found.",
            (AppError::BadRequest(what), lang) => what.message(lang),
            (AppError::Internal, Lang::Vi) => "Đã xảy ra lỗi ở máy chủ. Vui lòng thử lại sau.",
            (AppError::Internal, Lang::En) => {
                "Something went wrong on the server. Please try again later."
            }
            (AppError::Transport(_), Lang::Vi) => {
                "Không kết nối được với máy chủ. Vui lòng thử lại."
            }
            (AppError::Transport(_), Lang::En) => "Could not reach the server. Please try again.",
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        let error = match value {
            // The request could not be read as this function's arguments: the client's fault.
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::Deserialization(_) => AppError::BadRequest(BadInput::Malformed),
            other => AppError::Transport(other.to_string()),
        };
        #[cfg(feature = "ssr")]
        if matches!(error, AppError::BadRequest(_)) {
            error.set_response_status();
        }
        error
    }
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::AppError;

    impl From<sqlx::Error> for AppError {
        fn from(err: sqlx::Error) -> Self {
            tracing::error!(error = %err, "database error");
            AppError::Internal
        }
    }

    impl AppError {
        /// Record this error's status on the HTTP response of the current server function or
        /// page, so clients and proxies see a real 4xx/5xx rather than 200 or a generic 500.
        pub fn set_response_status(&self) {
            if let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
                res.set_status(
                    http::StatusCode::from_u16(self.status())
                        .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR),
                );
            }
        }
    }
}

/// Run a server function's body and put the error's status on the response.
#[cfg(feature = "ssr")]
pub async fn respond<T>(
    body: impl std::future::Future<Output = Result<T, AppError>>,
) -> Result<T, AppError> {
    let result = body.await;
    if let Err(err) = &result {
        err.set_response_status();
    }
    result
}
