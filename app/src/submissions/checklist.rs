//! The checklist of each kind of submission: the documents it must (or may) carry, kept as
//! data (`submission_requirement`) the secretariat edits; a submission is complete when a
//! document answers every required entry.
use crate::db::Db;
use crate::error::AppError;
use crate::submissions::model::{Requirement, SubmissionDocument, SubmissionKind};
use crate::with_db;

/// The checklist of `kind`, in order.
pub async fn of_kind(db: &Db, kind: SubmissionKind) -> Result<Vec<Requirement>, AppError> {
    let rows: Vec<(String, String, String, bool)> = with_db!(db, |pool| {
        sqlx::query_as(
            "select code, label_vi, label_en, required from submission_requirement
             where kind = $1 order by position, code",
        )
        .bind(kind.as_str())
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|(code, label_vi, label_en, required)| Requirement {
            code,
            label_vi,
            label_en,
            required,
        })
        .collect())
}

/// Each entry of `checklist`, ticked when one of `documents` answers it.
pub fn ticked(
    checklist: Vec<Requirement>,
    documents: &[SubmissionDocument],
) -> Vec<(Requirement, bool)> {
    checklist
        .into_iter()
        .map(|r| {
            let present = documents
                .iter()
                .any(|d| d.requirement.as_deref() == Some(r.code.as_str()));
            (r, present)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::submissions::model::complete;

    fn requirement(code: &str, required: bool) -> Requirement {
        Requirement {
            code: code.into(),
            label_vi: code.into(),
            label_en: code.into(),
            required,
        }
    }

    fn document(requirement: Option<&str>) -> SubmissionDocument {
        SubmissionDocument {
            document_id: uuid::Uuid::nil(),
            title: String::new(),
            file_name: String::new(),
            version_no: 1,
            sha256: String::new(),
            requirement: requirement.map(Into::into),
        }
    }

    #[test]
    fn complete_when_every_required_entry_is_answered() {
        let list = || {
            vec![
                requirement("letter", true),
                requirement("draft", true),
                requirement("annex", false),
            ]
        };
        let some = [document(Some("letter")), document(Some("annex"))];
        let t = ticked(list(), &some);
        assert_eq!(
            t.iter()
                .map(|(r, p)| (r.code.as_str(), *p))
                .collect::<Vec<_>>(),
            [("letter", true), ("draft", false), ("annex", true)]
        );
        assert!(!complete(&t));
        let all = [
            document(Some("draft")),
            document(Some("letter")),
            document(None),
        ];
        assert!(complete(&ticked(list(), &all)));
    }
}
