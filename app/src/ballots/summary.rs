//! The summary of opinions (tổng hợp ý kiến) as CSV for the secretariat: one line per
//! eligible member in protocol order — name, answer, other-opinion text, comment — then the
//! counts and the outcome. Vietnamese headings; a UTF-8 byte-order mark so spreadsheet
//! programs read the accents.
use uuid::Uuid;

use crate::ballots::model::Choice;
use crate::ballots::results::{counted, result_of};
use crate::ballots::texts::texts;
use crate::db::Db;
use crate::error::{AppError, OrInternal};
use crate::i18n::Lang;
use crate::identity::model::CurrentUser;
use crate::spreadsheet::text_cell;

pub async fn csv(db: &Db, user: &CurrentUser, ballot: Uuid) -> Result<(String, Vec<u8>), AppError> {
    crate::identity::model::require_secretariat(user)?;
    let view = crate::ballots::store::view(db, user, ballot).await?;
    if view.result.is_none() {
        // The summary exists once the ballot is closed.
        return Err(crate::ballots::editing::problem(
            crate::ballots::problem::BallotProblem::NotOpen,
        ));
    }
    let rows = counted(db, ballot).await?;
    let result = result_of(&rows);
    let lang = Lang::Vi;
    let t = texts(lang);
    // Records of different lengths: the table, then the counts.
    let mut out = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(vec![0xEF, 0xBB, 0xBF]);
    let write =
        |out: &mut csv::Writer<Vec<u8>>, fields: &[&str]| out.write_record(fields).or_internal();
    write(
        &mut out,
        &[t.paper_member, t.your_answer, t.others, t.comments],
    )?;
    for (_, name, _, choice, text, comment) in &rows {
        let choice = choice
            .as_deref()
            .and_then(Choice::parse)
            .map_or(t.not_answered, |c| c.label(lang));
        // Names, opinions and comments are free text: never a formula.
        write(
            &mut out,
            &[
                &text_cell(name),
                choice,
                &text_cell(text.as_deref().unwrap_or("")),
                &text_cell(comment.as_deref().unwrap_or("")),
            ],
        )?;
    }
    let tally = result.tally;
    write(&mut out, &[])?;
    for (label, count) in [
        (t.eligible_count, tally.eligible),
        (Choice::Agree.label(lang), tally.agree),
        (Choice::Disagree.label(lang), tally.disagree),
        (Choice::Other.label(lang), tally.other),
        (t.not_answered, tally.unanswered()),
    ] {
        write(&mut out, &[label, &count.to_string()])?;
    }
    write(&mut out, &[t.result, result.outcome.label(lang)])?;
    let bytes = out.into_inner().or_internal()?;
    Ok((format!("tong-hop-y-kien-{ballot}.csv"), bytes))
}
