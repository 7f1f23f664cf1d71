//! The request each endpoint of the authorization matrix is called with: arguments that are
//! harmless to repeat (a scratch draft, ids that name nothing, a form for the secretariat's
//! own acts), so the status depends only on who calls and the meeting's state.
use app::analytics::model::SavingsSettings;
use app::audit::model::AuditFilter;
use app::ballots::model::BallotDraft;
use app::identity::model::NewAccount;
use app::meetings::model::{CommentForm, ItemForm, MeetingForm};
use app::room::model::RoomAct;
use serde_json::json;
use uuid::Uuid;

use crate::common::form_fields;

/// The ids the requests name, made once per run.
#[derive(Debug, Clone, Copy)]
pub struct Fixture {
    pub regular: Uuid,
    pub scratch: Uuid,
    pub scratch_item: Uuid,
    pub item_1: Uuid,
    pub item_1_document: Uuid,
    pub item_1_version: Uuid,
    pub pm: Uuid,
    pub guest: Uuid,
    pub target: Uuid,
    pub finance: Uuid,
    pub open_ballot: Uuid,
    pub draft_ballot: Uuid,
}

pub const FORM: &str = "application/x-www-form-urlencoded";

pub const JSON: &str = "application/json";

/// Well-formed WebAuthn responses that belong to no ceremony.
pub const REGISTRATION: &str = r#"{"id":"AAAA","rawId":"AAAA","response":{"attestationObject":"AAAA","clientDataJSON":"AAAA"},"type":"public-key","extensions":{}}"#;

pub const ASSERTION: &str = r#"{"id":"AAAA","rawId":"AAAA","response":{"authenticatorData":"AAAA","clientDataJSON":"AAAA","signature":"AAAA","userHandle":null},"type":"public-key","extensions":{}}"#;

/// The scratch draft meeting's form.
pub fn scratch_meeting_form() -> MeetingForm {
    MeetingForm {
        kind: "extraordinary".to_owned(),
        title: "Phiên họp nháp".to_owned(),
        starts_local: "2027-01-05T08:00".to_owned(),
        place: String::new(),
        online: true,
        planned_minutes: 60,
        chair_id: String::new(),
    }
}

/// The scratch draft's one item.
pub fn scratch_item_form() -> ItemForm {
    ItemForm {
        title: "Nội dung nháp".to_owned(),
        presenter: String::new(),
        planned_minutes: 10,
    }
}

pub const BASE64URL: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn ballot_draft() -> BallotDraft {
    BallotDraft {
        title: "Phiếu thử".to_owned(),
        question: "Đồng ý?".to_owned(),
        deadline: "2030-12-31T17:00".to_owned(),
        eligible: vec![],
        reminder_hours: vec![24],
        results_to_members: true,
    }
}

/// (content type, body) of the POST to `endpoint`; `unique` and `cells` make per-cell values.
pub fn request_body(
    endpoint: &str,
    fixture: &Fixture,
    unique: &str,
    cells: usize,
) -> (&'static str, String) {
    let Fixture {
        regular,
        scratch,
        scratch_item,
        item_1,
        item_1_document,
        item_1_version,
        pm,
        guest,
        target,
        finance,
        open_ballot,
        draft_ballot,
    } = *fixture;
    match endpoint {
            "POST /api/passkey_rename" => {
                (FORM, format!("id={}&name=x", uuid::Uuid::now_v7()))
            }
            "POST /api/passkey_remove" => (FORM, format!("id={}", uuid::Uuid::now_v7())),
            "POST /api/passkey_add_finish" => (
                JSON,
                format!(
                    r#"{{"ceremony":"{}","credential":{REGISTRATION},"name":"x"}}"#,
                    uuid::Uuid::now_v7()
                ),
            ),
            "POST /api/account_create" => (
                FORM,
                form_body(
                    "account",
                    &NewAccount {
                        full_name: format!("Khách {unique}"),
                        title: String::new(),
                        ministry: String::new(),
                        role: "guest".to_owned(),
                        email: format!("{unique}@example.gov.vn"),
                        phone: String::new(),
                    },
                ),
            ),
            "POST /api/accounts_import" => (
                FORM,
                format!(
                    "csv={}",
                    form_encode(&format!(
                        "full_name,role,email\nKhách nhập {unique},guest,import-{unique}@example.gov.vn\n"
                    ))
                ),
            ),
            "POST /api/account_reissue" => {
                (FORM, format!("user_id={guest}&revoke_others=false"))
            }
            "POST /api/account_deactivate" => (FORM, format!("user_id={target}")),
            "POST /api/enrolments_pending" | "POST /api/session_touch" => (FORM, String::new()),
            "POST /api/enrolment_approve" | "POST /api/enrolment_refuse" => {
                (FORM, format!("id={}", uuid::Uuid::now_v7()))
            }
            "POST /api/audit" => (
                FORM,
                form_body(
                    "filter",
                    &AuditFilter {
                        event: String::new(),
                        actor: String::new(),
                        from: String::new(),
                        to: String::new(),
                        before: None,
                    },
                ),
            ),
            "POST /documents/upload" => (FORM, "not a PDF".to_owned()),
            "POST /api/meeting_editor" => (FORM, format!("id={regular}")),
            "POST /api/meeting_create" => (JSON, json!({"form": scratch_meeting_form()}).to_string()),
            "POST /api/meeting_update" => (
                JSON,
                json!({"id": scratch, "form": scratch_meeting_form()}).to_string(),
            ),
            "POST /api/meeting_state" => {
                (JSON, format!(r#"{{"id":"{scratch}","action":"Postpone"}}"#))
            }
            "POST /api/meeting_copy" => (FORM, format!("id={scratch}")),
            "POST /api/item_add" => (
                JSON,
                json!({"meeting_id": scratch, "form": scratch_item_form()}).to_string(),
            ),
            "POST /api/item_update" => (
                JSON,
                json!({"id": scratch_item, "form": scratch_item_form()}).to_string(),
            ),
            "POST /api/items_reorder" => {
                (JSON, format!(r#"{{"meeting_id":"{scratch}","order":[]}}"#))
            }
            "POST /api/item_remove"
            | "POST /api/document_remove" => (FORM, format!("id={}", uuid::Uuid::now_v7())),
            "POST /api/document_downloadable" => {
                (FORM, format!("id={}&downloadable=true", uuid::Uuid::now_v7()))
            }
            "POST /api/document_title" => {
                (FORM, format!("id={}&title=T%C3%AAn", uuid::Uuid::now_v7()))
            }
            "POST /api/invitees_set" => (
                JSON,
                format!(r#"{{"meeting_id":"{scratch}","all":false,"members":[]}}"#),
            ),
            "POST /api/item_guests_set" => {
                (JSON, format!(r#"{{"item_id":"{scratch_item}","guests":[]}}"#))
            }
            // Words of the regular session's title and of its documents.
            "POST /api/search" => (FORM, "query[q]=phien hop chinh phu".to_owned()),
            "POST /api/sign_in_named_start" => {
                (FORM, format!("email=nobody-{unique}@example.org"))
            }
            "POST /api/meeting" | "POST /api/meeting_texts" => (FORM, format!("id={regular}")),
            "POST /api/reader_open" | "POST /api/notes_of_document" => {
                (FORM, format!("document_id={item_1_document}"))
            }
            "POST /api/record_page_view" => (
                FORM,
                format!("document_id={item_1_document}&version_id={item_1_version}&page=1"),
            ),
            "POST /api/note_add" => {
                (FORM, format!("document_id={item_1_document}&page=1&body=x"))
            }
            "POST /api/comment_add" => (
                JSON,
                json!({"form": CommentForm {
                    item_id: item_1.to_string(),
                    document_id: String::new(),
                    parent_id: String::new(),
                    body: "x".to_owned(),
                    secretariat_only: false,
                }})
                .to_string(),
            ),
            "POST /api/comment_edit" => {
                (FORM, format!("id={}&body=x", uuid::Uuid::now_v7()))
            }
            "POST /api/comment_history" => (FORM, format!("id={}", uuid::Uuid::now_v7())),
            "POST /api/note_delete" => (FORM, format!("id={}", uuid::Uuid::now_v7())),
            "POST /api/position_set" => {
                (FORM, format!("item_id={item_1}&stance=Speak&reason=x"))
            }
            "POST /api/meeting_room" | "POST /api/minutes" | "POST /api/conclusions" => {
                (FORM, format!("meeting_id={regular}"))
            }
            "POST /api/savings_settings" => (
                JSON,
                json!({"settings": SavingsSettings {
                    cost_per_page: -1,
                    regular: String::new(),
                    thematic: String::new(),
                    extraordinary: String::new(),
                }})
                .to_string(),
            ),
            "POST /api/history_import" => (FORM, "csv=".to_owned()),
            "POST /api/savings_review" => (
                FORM,
                format!("meeting_id={regular}&counts=false&reason="),
            ),
            "POST /api/minutes_save" => (
                FORM,
                format!("meeting_id={}&body=x", uuid::Uuid::now_v7()),
            ),
            "POST /api/minutes_redraft" | "POST /api/minutes_approve" | "POST /api/minutes_finalise" => {
                (FORM, format!("meeting_id={}", uuid::Uuid::now_v7()))
            }
            "POST /api/room_act" => (
                JSON,
                json!({"meeting_id": regular, "act": RoomAct::Resume}).to_string(),
            ),
            "POST /api/attendance_set" => (
                FORM,
                format!("meeting_id={regular}&user_id={finance}&presence=Absent&reason=&deputy="),
            ),
            "POST /api/attendance_present" => (
                JSON,
                json!({"meeting_id": regular, "members": Vec::<String>::new()}).to_string(),
            ),
            "POST /api/room_vote" => (
                FORM,
                format!("meeting_id={regular}&item_id={item_1}&question=&minutes=5"),
            ),
            "POST /api/speak_request" | "POST /api/speak_withdraw" => {
                (FORM, format!("item_id={item_1}"))
            }
            "POST /api/positions_mine" | "POST /api/positions_summary" => {
                (FORM, format!("meeting_id={regular}"))
            }
            "POST /api/notes_of_meeting"
            | "POST /api/readiness"
            | "POST /api/meeting_comments" => {
                (FORM, format!("meeting_id={regular}"))
            }
            "POST /demo/sign-in" => (FORM, format!("user_id={pm}")),
            "POST /api/ballot" => (FORM, format!("id={open_ballot}")),
            "POST /api/task" => (FORM, format!("id={}", uuid::Uuid::now_v7())),
            "POST /api/submission" => (FORM, format!("id={}", uuid::Uuid::now_v7())),
            "POST /api/submission_send_start" => {
                (FORM, format!("id={}&revision=0", uuid::Uuid::now_v7()))
            }
            "POST /api/submission_send" => (
                JSON,
                format!(
                    r#"{{"id":"{}","nonce":"00","credential":{ASSERTION}}}"#,
                    uuid::Uuid::now_v7()
                ),
            ),
            "POST /api/submission_save" => (FORM, "id=&form[kind]=item&form[title]=".to_owned()),
            "POST /api/tasks_import" => (FORM, "csv=".to_owned()),
            "POST /api/task_report" => (
                FORM,
                format!("id={}&kind=progress&body=x&percent=", uuid::Uuid::now_v7()),
            ),
            "POST /api/task_extension_ask" => (
                FORM,
                format!("id={}&deadline=2099-01-01&reason=x", uuid::Uuid::now_v7()),
            ),
            "POST /api/task_decide" => (
                FORM,
                format!("id={}&decision=accept&reason=", uuid::Uuid::now_v7()),
            ),
            "POST /api/task_extension_decide" => (
                FORM,
                format!("id={}&decision=grant&reason=", uuid::Uuid::now_v7()),
            ),
            "POST /api/task_assign" => (
                FORM,
                "form[text]=&form[source]=manual&form[lead]=BTC".to_owned(),
            ),
            "POST /api/ballot_create" => (JSON, json!({"draft": ballot_draft()}).to_string()),
            "POST /api/ballot_update" => (
                JSON,
                json!({"id": draft_ballot, "draft": ballot_draft()}).to_string(),
            ),
            "POST /api/ballot_send" | "POST /api/ballot_close" => {
                (FORM, format!("id={}", uuid::Uuid::now_v7()))
            }
            "POST /api/ballot_extend" => (
                FORM,
                format!(
                    "id={}&deadline=2031-01-31T17:00&reason=x",
                    uuid::Uuid::now_v7()
                ),
            ),
            "POST /api/ballot_sign_start" => (
                FORM,
                format!("id={open_ballot}&choice=Agree&text=&comment="),
            ),
            "POST /api/ballot_answer" => (
                JSON,
                format!(
                    r#"{{"id":"{open_ballot}","nonce":"00","choice":"Agree","text":"","comment":"","credential":{ASSERTION}}}"#
                ),
            ),
            "POST /api/ballot_paper_answer" => (
                FORM,
                format!(
                    "id={open_ballot}&member_id={finance}&choice=Agree&text=&comment=&form_key={}",
                    uuid::Uuid::now_v7()
                ),
            ),
            "POST /api/enrolment_info" | "POST /api/enrol_start" => {
                (FORM, format!("token=not-a-real-link-{unique}"))
            }
            "POST /api/enrol_finish" => (
                JSON,
                format!(
                    r#"{{"token":"not-a-real-link","ceremony":"{}","credential":{REGISTRATION},"name":"x"}}"#,
                    uuid::Uuid::now_v7()
                ),
            ),
            "POST /api/sign_in_finish" => (
                JSON,
                format!(
                    r#"{{"ceremony":"{}","credential":{}}}"#,
                    uuid::Uuid::now_v7(),
                    // A credential id of its own per cell (rate limits count per
                    // credential).
                    ASSERTION.replace("AAAA", &format!("AAA{}", BASE64URL[cells % 64] as char))
                ),
            ),
            _ => (FORM, String::new()),
        }
}

/// The form body of a server function whose one argument `name` is `value`, built from its
/// Rust type.
fn form_body(name: &str, value: &impl serde::Serialize) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(form_fields(name, value))
        .finish()
}

/// `application/x-www-form-urlencoded` encoding of one value.
fn form_encode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}
