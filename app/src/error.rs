//! The one error type of server functions and pages.
//!
//! It crosses the network (serialised), carries an HTTP status, and is shown to the user as a
//! message in their language. Internal details (SQL, I/O) are logged on the server with the
//! request's span and never sent to the client.
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::identity::problem::AccountProblem;
use crate::meetings::problem::MeetingProblem;

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
    /// Too many attempts (sign-in, enrolment) from this client or for this account; the
    /// response carries `Retry-After`.
    #[error("too many requests, retry in {retry_after_secs} s")]
    TooManyRequests { retry_after_secs: u64 },
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
    /// An identifier (of a passkey, a session, an account) that is not valid.
    Id,
    /// A field of an account that is missing or wrong.
    Account(AccountProblem),
    /// A line of an imported CSV file (1 is the header) and what is wrong with it.
    CsvLine {
        line: u32,
        problem: AccountProblem,
    },
    /// Removing the only passkey would lock the person out.
    LastPasskey,
    /// Adding a passkey needs a passkey sign-in within the last few minutes.
    RecentSignInNeeded,
    /// An upload that is not a PDF (by its first bytes, or it does not parse).
    NotPdf,
    /// A password-protected PDF: members could not read it.
    EncryptedPdf,
    /// An upload larger than the configured limit (MiB).
    TooLarge {
        limit_mb: u64,
    },
    /// The meeting's state does not allow this change (e.g. removing a published document).
    MeetingState,
    /// A field of a meeting or an agenda item that is missing or wrong.
    Meeting(MeetingProblem),
    /// A page number outside the document (or a version that is not the document's).
    Page,
    /// A note that is empty or longer than [`crate::documents::notes::MAX_NOTE_CHARS`].
    Note,
    /// An objection without a reason, an unknown stance, or a reason over 2,000 characters.
    Position,
    /// A comment that is empty, too long, or answers/names something not on its item.
    Comment,
    /// Something wrong with a ballot or an answer.
    Ballot(crate::ballots::problem::BallotProblem),
    /// Something wrong with an act in the meeting room.
    Room(crate::room::problem::RoomProblem),
    /// Something wrong with a task or an act on one.
    Task(crate::tasks::problem::TaskProblem),
    /// Something wrong with a ministry's submission or an act on one.
    Submission(crate::submissions::problem::SubmissionProblem),
    /// A line of an imported CSV of paper-era tasks (1 is the header) that is not valid.
    TaskLine {
        line: u32,
    },
    /// A line of an imported CSV of past meetings (1 is the header) that is not valid.
    HistoryLine {
        line: u32,
    },
    /// Savings settings that are not valid (cost per page, minutes per item).
    SavingsSettings,
    /// A decision on whether a meeting counts in the savings without a reason, or on a
    /// meeting not closed.
    SavingsReview,
    /// A search longer than [`crate::search::model::MAX_QUERY_CHARS`], or a date range that
    /// ends before it starts.
    Search,
    /// Free text that is not valid UTF-8, holds a control character, or is too long.
    Text {
        field: crate::text_rules::TextField,
        problem: crate::text_rules::TextProblem,
    },
}

impl std::fmt::Display for BadInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl BadInput {
    pub fn message(self, lang: Lang) -> String {
        match (self, lang) {
            (BadInput::Account(problem), lang) => problem.label(lang).to_owned(),
            (BadInput::Meeting(problem), lang) => problem.label(lang).to_owned(),
            (BadInput::Ballot(problem), lang) => problem.label(lang).to_owned(),
            (BadInput::Task(problem), lang) => problem.label(lang).to_owned(),
            (BadInput::Submission(problem), lang) => problem.label(lang).to_owned(),
            (BadInput::Room(problem), lang) => problem.message(lang),
            (BadInput::CsvLine { line, problem }, Lang::Vi) => {
                format!("Dòng {line}: {}", problem.label(Lang::Vi))
            }
            (BadInput::CsvLine { line, problem }, Lang::En) => {
                format!("Line {line}: {}", problem.label(Lang::En))
            }
            (BadInput::HistoryLine { line }, Lang::Vi) => format!(
                "Dòng {line}: cần ngày (YYYY-MM-DD hoặc DD/MM/YYYY), loại phiên họp (thường kỳ, chuyên đề, bất thường), thời lượng (1–1440 phút) và số nội dung (1–200)."
            ),
            (BadInput::HistoryLine { line }, Lang::En) => format!(
                "Line {line}: needs a date (YYYY-MM-DD or DD/MM/YYYY), a kind (regular, thematic, extraordinary), a duration (1–1440 minutes) and a number of items (1–200)."
            ),
            (BadInput::TaskLine { line }, Lang::Vi) => format!(
                "Dòng {line}: cần nội dung, mã cơ quan chủ trì (và phối hợp, cách nhau bằng dấu chấm phẩy) có trong danh sách bộ, ngày giao và thời hạn không trước ngày giao (YYYY-MM-DD hoặc DD/MM/YYYY)."
            ),
            (BadInput::TaskLine { line }, Lang::En) => format!(
                "Line {line}: needs a text, a known lead agency code (and coordinators, separated by semicolons), the day assigned and a deadline not before it (YYYY-MM-DD or DD/MM/YYYY)."
            ),
            (BadInput::Text { field, problem }, lang) => {
                crate::text_rules::message(field, problem, lang)
            }
            (BadInput::TooLarge { limit_mb }, Lang::Vi) => {
                format!("Tệp quá lớn: tối đa {limit_mb} MB.")
            }
            (BadInput::TooLarge { limit_mb }, Lang::En) => {
                format!("The file is too large: at most {limit_mb} MB.")
            }
            (other, lang) => other.fixed_message(lang).to_owned(),
        }
    }

    fn fixed_message(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (
                BadInput::Account(_)
                | BadInput::Meeting(_)
                | BadInput::Ballot(_)
                | BadInput::Task(_)
                | BadInput::Submission(_)
                | BadInput::Room(_)
                | BadInput::HistoryLine { .. }
                | BadInput::TaskLine { .. }
                | BadInput::CsvLine { .. }
                | BadInput::Text { .. }
                | BadInput::TooLarge { .. },
                _,
            ) => "",
            (BadInput::NotPdf, Lang::Vi) => {
                "Tệp không phải là PDF hợp lệ. Vui lòng chọn tệp PDF."
            }
            (BadInput::NotPdf, Lang::En) => "The file is not a valid PDF. Please choose a PDF file.",
            (BadInput::EncryptedPdf, Lang::Vi) => {
                "PDF được bảo vệ bằng mật khẩu mở tệp: hãy gửi bản không đặt mật khẩu."
            }
            (BadInput::EncryptedPdf, Lang::En) => {
                "The PDF is protected by a password needed to open it: please send a copy without a password."
            }
            (BadInput::Search, Lang::Vi) => {
                "Từ khóa tìm kiếm dài quá 500 ký tự, hoặc ngày kết thúc trước ngày bắt đầu."
            }
            (BadInput::Search, Lang::En) => {
                "The search is longer than 500 characters, or its end date is before its start date."
            }
            (BadInput::MeetingState, Lang::Vi) => {
                "Trạng thái cuộc họp không cho phép thay đổi này."
            }
            (BadInput::MeetingState, Lang::En) => "The meeting's state does not allow this change.",
            (BadInput::Page, Lang::Vi) => "Số trang không có trong tài liệu.",
            (BadInput::Page, Lang::En) => "The document has no such page.",
            (BadInput::Note, Lang::Vi) => "Ghi chú phải có nội dung và không dài quá 10.000 ký tự.",
            (BadInput::Note, Lang::En) => "A note must have text and at most 10,000 characters.",
            (BadInput::Position, Lang::Vi) => {
                "Khi không tán thành, vui lòng nêu lý do (tối đa 2.000 ký tự)."
            }
            (BadInput::Position, Lang::En) => {
                "Please give a reason when objecting (at most 2,000 characters)."
            }
            (BadInput::Comment, Lang::Vi) => {
                "Ý kiến thảo luận phải có nội dung (tối đa 5.000 ký tự) và thuộc đúng nội dung họp."
            }
            (BadInput::Comment, Lang::En) => {
                "A comment needs text (at most 5,000 characters) and must belong to its item."
            }
            (BadInput::SavingsSettings, Lang::Vi) => {
                "Chi phí mỗi trang phải là số nguyên từ 0 đến 100.000 đồng; số phút mỗi nội dung để trống hoặc từ 1 đến 600."
            }
            (BadInput::SavingsSettings, Lang::En) => {
                "The cost per page must be a whole number from 0 to 100,000 đồng; minutes per item empty or from 1 to 600."
            }
            (BadInput::SavingsReview, Lang::Vi) => {
                "Cần ghi lý do (tối đa 500 ký tự), và chỉ xem xét phiên họp đã bế mạc."
            }
            (BadInput::SavingsReview, Lang::En) => {
                "A reason is needed (at most 500 characters), and only a closed meeting can be reviewed."
            }
            (BadInput::RecentSignInNeeded, Lang::Vi) => {
                "Để thêm khóa truy cập, vui lòng xác nhận lại bằng khóa truy cập hiện có của đồng chí trước."
            }
            (BadInput::RecentSignInNeeded, Lang::En) => {
                "To add a passkey, please confirm with one of your current passkeys first."
            }
            (BadInput::Id, Lang::Vi) => "Mã định danh không hợp lệ.",
            (BadInput::Id, Lang::En) => "The identifier is not valid.",
            (BadInput::LastPasskey, Lang::Vi) => {
                "Không thể xóa khóa truy cập cuối cùng: hãy thêm khóa trên thiết bị khác trước."
            }
            (BadInput::LastPasskey, Lang::En) => {
                "The last passkey cannot be removed: add one on another device first."
            }
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
    /// Something failed on our side: `cause` is logged where it happened (the caller's file
    /// and line, with the request's span on the server); the user is told only that it failed.
    /// The one way to make an [`AppError::Internal`], so no cause is ever dropped unlogged.
    #[track_caller]
    pub fn internal(cause: impl std::fmt::Display) -> AppError {
        let at = std::panic::Location::caller();
        #[cfg(feature = "ssr")]
        tracing::error!(error = %cause, file = at.file(), line = at.line(), "internal error");
        #[cfg(not(feature = "ssr"))]
        leptos::logging::error!("internal error at {}:{}: {cause}", at.file(), at.line());
        AppError::Internal
    }

    pub fn status(&self) -> u16 {
        match self {
            AppError::Unauthenticated => 401,
            AppError::Forbidden => 403,
            AppError::NotFound => 404,
            AppError::BadRequest(BadInput::TooLarge { .. }) => 413,
            AppError::BadRequest(_) => 400,
            AppError::TooManyRequests { .. } => 429,
            AppError::Internal | AppError::Transport(_) => 500,
        }
    }

    /// The message the user sees, in their language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (AppError::BadRequest(what), lang) => what.message(lang),
            (AppError::TooManyRequests { retry_after_secs }, Lang::Vi) => format!(
                "Quá nhiều lần thử. Vui lòng thử lại sau {} phút.",
                retry_after_secs.div_ceil(60)
            ),
            (AppError::TooManyRequests { retry_after_secs }, Lang::En) => format!(
                "Too many attempts. Please try again in {} min.",
                retry_after_secs.div_ceil(60)
            ),
            (other, lang) => other.fixed_message(lang).to_owned(),
        }
    }

    fn fixed_message(&self, lang: Lang) -> &'static str {
        match (self, lang) {
            (AppError::BadRequest(_) | AppError::TooManyRequests { .. }, _) => "",
            (AppError::Unauthenticated, Lang::Vi) => "Vui lòng đăng nhập để tiếp tục.",
            (AppError::Unauthenticated, Lang::En) => "Please sign in to continue.",
            (AppError::Forbidden, Lang::Vi) => "Đồng chí không có quyền thực hiện thao tác này.",
            (AppError::Forbidden, Lang::En) => "You are not allowed to do this.",
            (AppError::NotFound, Lang::Vi) => {
                "Không tìm thấy trang hoặc nội dung đồng chí yêu cầu."
            }
            (AppError::NotFound, Lang::En) => "The page or item you asked for was not found.",
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
        #[track_caller]
        fn from(err: sqlx::Error) -> Self {
            AppError::internal(format_args!("database: {err}"))
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
                if let AppError::TooManyRequests { retry_after_secs } = self {
                    res.insert_header(http::header::RETRY_AFTER, (*retry_after_secs).into());
                }
            }
        }
    }
}

/// `?` on a result whose error we cannot help: logged with the caller's file and line, then
/// an [`AppError::Internal`].
pub trait OrInternal<T> {
    #[track_caller]
    fn or_internal(self) -> Result<T, AppError>;
}

impl<T, E: std::fmt::Display> OrInternal<T> for Result<T, E> {
    #[track_caller]
    fn or_internal(self) -> Result<T, AppError> {
        match self {
            Ok(value) => Ok(value),
            Err(cause) => Err(AppError::internal(cause)),
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
