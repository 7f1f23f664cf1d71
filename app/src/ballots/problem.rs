//! What can be wrong with a ballot, an answer or a secretariat's act on a ballot, worded in
//! each language (shown by the page that sent the request).
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BallotProblem {
    TitleMissing,
    QuestionMissing,
    /// Not a date and time, or not in the future.
    DeadlineInvalid,
    /// Someone listed who is not an active Government member.
    EligibleInvalid,
    /// Reminder hours that are not whole numbers from 1 to 720.
    RemindersInvalid,
    /// Only a draft can be edited or sent.
    NotDraft,
    /// The ballot is not open for answers (a draft, or closed).
    NotOpen,
    /// The deadline has passed.
    PastDeadline,
    /// The member is not among the ballot's eligible members.
    NotEligible,
    /// A paper answer for a member who has answered with their passkey: their own signed
    /// answer is not replaced by what the secretariat enters.
    SignedAnswerExists,
    /// "Other opinion" without its text.
    OtherTextMissing,
    /// A text or comment over [`crate::ballots::answers::MAX_TEXT_CHARS`] characters.
    TooLong,
    /// An extension without a reason, or to a time not after the current deadline.
    ExtensionInvalid,
    /// The passkey confirmation did not verify, or its nonce expired or was used.
    SignatureInvalid,
    /// The member has no passkey to sign with.
    NoPasskey,
}

impl BallotProblem {
    pub fn message(self, lang: Lang) -> &'static str {
        use BallotProblem::*;
        match (self, lang) {
            (TitleMissing, Lang::Vi) => "Chưa nhập tên phiếu.",
            (TitleMissing, Lang::En) => "The ballot's title is missing.",
            (QuestionMissing, Lang::Vi) => "Chưa nhập nội dung xin ý kiến.",
            (QuestionMissing, Lang::En) => "The question is missing.",
            (DeadlineInvalid, Lang::Vi) => "Thời hạn trả lời không hợp lệ hoặc đã qua.",
            (DeadlineInvalid, Lang::En) => "The deadline is not valid or has passed.",
            (EligibleInvalid, Lang::Vi) => "Danh sách thành viên được lấy ý kiến không hợp lệ.",
            (EligibleInvalid, Lang::En) => "The list of members asked is not valid.",
            (RemindersInvalid, Lang::Vi) => {
                "Giờ nhắc phải là số nguyên từ 1 đến 720, cách nhau bằng dấu phẩy."
            }
            (RemindersInvalid, Lang::En) => {
                "Reminder hours must be whole numbers from 1 to 720, separated by commas."
            }
            (NotDraft, Lang::Vi) => "Phiếu đã được gửi nên không sửa hoặc gửi lại được.",
            (NotDraft, Lang::En) => "The ballot was already sent: it cannot be changed or resent.",
            (NotOpen, Lang::Vi) => "Phiếu không còn mở để trả lời.",
            (NotOpen, Lang::En) => "The ballot is not open for answers.",
            (PastDeadline, Lang::Vi) => "Đã quá thời hạn trả lời phiếu.",
            (PastDeadline, Lang::En) => "The deadline for answering has passed.",
            (NotEligible, Lang::Vi) => "Bạn không thuộc danh sách được lấy ý kiến của phiếu này.",
            (NotEligible, Lang::En) => "You are not among the members asked on this ballot.",
            (SignedAnswerExists, Lang::Vi) => {
                "Thành viên đã tự trả lời phiếu này (có ký bằng khóa truy cập): không thể nhập phiếu giấy thay thế."
            }
            (SignedAnswerExists, Lang::En) => {
                "The member has answered this ballot with their passkey: a paper answer cannot replace it."
            }
            (OtherTextMissing, Lang::Vi) => "Chọn “Ý kiến khác” thì cần ghi rõ ý kiến.",
            (OtherTextMissing, Lang::En) => "“Other opinion” needs its text.",
            (TooLong, Lang::Vi) => "Ý kiến hoặc góp ý quá dài (tối đa 5.000 ký tự).",
            (TooLong, Lang::En) => "The opinion or comment is too long (at most 5,000 characters).",
            (ExtensionInvalid, Lang::Vi) => "Cần nêu lý do và thời hạn mới phải sau thời hạn cũ.",
            (ExtensionInvalid, Lang::En) => {
                "Give a reason, and a new deadline after the current one."
            }
            (SignatureInvalid, Lang::Vi) => {
                "Xác nhận bằng khóa truy cập không hợp lệ hoặc đã hết hạn. Vui lòng thử lại."
            }
            (SignatureInvalid, Lang::En) => {
                "The passkey confirmation is not valid or has expired. Please try again."
            }
            (NoPasskey, Lang::Vi) => "Bạn cần có khóa truy cập (passkey) để ký trả lời phiếu.",
            (NoPasskey, Lang::En) => "You need a passkey to sign your answer.",
        }
    }
}
