//! The savings, computed from facts (pure: the store reads the facts). The rules:
//!
//! - **Baseline**: on paper, a meeting of a kind took so many minutes per agenda item — the
//!   historical meetings' total minutes ÷ their total items (or a rate the secretariat sets).
//!   A meeting's baseline is that rate × its items (the consent block counts: on paper those
//!   items were discussed too).
//! - **Reduction** = (baseline − actual) ÷ baseline, actual with pauses left out.
//! - **Paper**: every document (latest version) would have been printed once for each person
//!   it went to — the invited members, and the guests of its item; × the cost of a page.
//! - **Honesty**: an item decided by written ballot leaves the meeting without being saved:
//!   each closed written ballot counts as one item at the regular rate, taken off the saving.
use std::collections::HashMap;

use chrono::NaiveDate;
use uuid::Uuid;

use crate::analytics::model::{HistoricalMeeting, MeetingSavings, SavingsReview, Totals};
use crate::meetings::model::MeetingKind;

/// One agenda item as recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemFact {
    pub number: i64,
    pub planned_minutes: i64,
    /// Seconds discussed, pauses left out (0 for the consent block).
    pub seconds: i64,
    pub consent: bool,
}

/// What was recorded about one closed meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingFacts {
    pub meeting_id: Uuid,
    pub title: String,
    pub kind: MeetingKind,
    pub held_on: NaiveDate,
    pub planned_minutes: i64,
    /// Seconds the meeting ran, pauses left out.
    pub seconds: i64,
    pub items: Vec<ItemFact>,
    pub speaking_seconds: i64,
    /// Each document: (pages of its latest version, copies it would have needed).
    pub documents: Vec<(i64, i64)>,
    pub read_pairs: i64,
    pub distributed_pairs: i64,
}

/// Whole minutes, to the nearest.
pub fn minutes_of(seconds: i64) -> i64 {
    (seconds + 30).div_euclid(60)
}

fn one_decimal(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Minutes per item of each kind, from the paper-era meetings: (rate, meetings counted).
pub fn historical_rates(history: &[HistoricalMeeting]) -> HashMap<MeetingKind, (f64, i64)> {
    let mut sums: HashMap<MeetingKind, (i64, i64, i64)> = HashMap::new();
    for h in history {
        let entry = sums.entry(h.kind).or_default();
        entry.0 += h.duration_minutes;
        entry.1 += h.item_count;
        entry.2 += 1;
    }
    sums.into_iter()
        .filter(|(_, (_, items, _))| *items > 0)
        .map(|(kind, (minutes, items, count))| (kind, (minutes as f64 / items as f64, count)))
        .collect()
}

/// What one meeting saved, with the baseline `rate` of its kind (minutes per item).
/// Under half the planned time: more likely a test or an interrupted meeting than a saving.
pub fn far_shorter(actual_minutes: i64, planned_minutes: i64) -> bool {
    actual_minutes * 2 < planned_minutes
}

/// Whether a meeting counts in the totals: as the secretariat decided; without a decision,
/// unless it is far shorter than planned.
pub fn counts(far_shorter: bool, review: Option<&SavingsReview>) -> bool {
    review.map_or(!far_shorter, |r| r.counts)
}

/// A meeting's savings, before any review (see [`counts`]).
pub fn meeting_savings(f: &MeetingFacts, rate: Option<f64>, cost_per_page: i64) -> MeetingSavings {
    let items = f.items.len() as i64;
    let actual = minutes_of(f.seconds);
    let short = far_shorter(actual, f.planned_minutes);
    let baseline = rate.map(|r| (r * items as f64).round() as i64);
    let reduction = baseline
        .filter(|b| *b > 0)
        .map(|b| one_decimal((b - actual) as f64 / b as f64 * 100.0));
    let pages: i64 = f
        .documents
        .iter()
        .map(|(pages, copies)| pages * copies)
        .sum();
    MeetingSavings {
        meeting_id: f.meeting_id,
        title: f.title.clone(),
        kind: f.kind,
        held_on: f.held_on,
        items,
        consent_items: f.items.iter().filter(|i| i.consent).count() as i64,
        planned_minutes: f.planned_minutes,
        actual_minutes: actual,
        baseline_minutes: baseline,
        reduction_percent: reduction,
        speaking_minutes: minutes_of(f.speaking_seconds),
        pages_saved: pages,
        cost_saved: pages * cost_per_page,
        read_pairs: f.read_pairs,
        distributed_pairs: f.distributed_pairs,
        item_minutes: f
            .items
            .iter()
            .map(|i| (i.number, i.planned_minutes, minutes_of(i.seconds)))
            .collect(),
        far_shorter: short,
        review: None,
        counts: counts(short, None),
    }
}

/// The median of `values` (`None` when empty).
pub fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2.0
    })
}

/// Everything together. `ballots_closed` written ballots move items out of meetings at
/// `regular_rate`; `response_hours` are the hours from sending to each answer.
pub fn totals(
    meetings: &[MeetingSavings],
    ballots_closed: i64,
    regular_rate: Option<f64>,
    response_hours: &mut [f64],
) -> Totals {
    let with_baseline: Vec<&MeetingSavings> = meetings
        .iter()
        .filter(|m| m.baseline_minutes.is_some())
        .collect();
    let baseline: i64 = with_baseline
        .iter()
        .filter_map(|m| m.baseline_minutes)
        .sum();
    let actual: i64 = with_baseline.iter().map(|m| m.actual_minutes).sum();
    let moved = regular_rate.map_or(0, |r| (r * ballots_closed as f64).round() as i64);
    let read: i64 = meetings.iter().map(|m| m.read_pairs).sum();
    let distributed: i64 = meetings.iter().map(|m| m.distributed_pairs).sum();
    Totals {
        meetings: meetings.len() as i64,
        baseline_minutes: baseline,
        actual_minutes: actual,
        reduction_percent: (baseline > 0)
            .then(|| one_decimal((baseline - actual) as f64 / baseline as f64 * 100.0)),
        ballots_closed,
        moved_to_ballots_minutes: moved,
        net_saved_minutes: baseline - actual - moved,
        consent_items: meetings.iter().map(|m| m.consent_items).sum(),
        items: meetings.iter().map(|m| m.items).sum(),
        speaking_minutes: meetings.iter().map(|m| m.speaking_minutes).sum(),
        pages_saved: meetings.iter().map(|m| m.pages_saved).sum(),
        cost_saved: meetings.iter().map(|m| m.cost_saved).sum(),
        read_percent: (distributed > 0)
            .then(|| one_decimal(read as f64 / distributed as f64 * 100.0)),
        ballot_response_hours: median(response_hours).map(one_decimal),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_meeting_far_shorter_than_planned_waits_for_review() {
        // 9 of 240 planned minutes (the test meeting that moved the figure to 37.6 %).
        assert!(far_shorter(9, 240));
        assert!(far_shorter(119, 240));
        assert!(!far_shorter(120, 240));
        assert!(!far_shorter(185, 240));
        let review = |counts| SavingsReview {
            counts,
            reason: "Phiên họp thử".to_owned(),
            decided_by: "Trương Thị Hạnh".to_owned(),
            decided_at: chrono::DateTime::UNIX_EPOCH,
        };
        assert!(!counts(true, None));
        assert!(counts(false, None));
        assert!(counts(true, Some(&review(true))));
        assert!(!counts(false, Some(&review(false))));
    }

    fn history() -> Vec<HistoricalMeeting> {
        let on = |m| NaiveDate::from_ymd_opt(2024, m, 10).unwrap();
        vec![
            HistoricalMeeting {
                held_on: on(1),
                kind: MeetingKind::Regular,
                duration_minutes: 480,
                item_count: 12,
            },
            HistoricalMeeting {
                held_on: on(2),
                kind: MeetingKind::Regular,
                duration_minutes: 420,
                item_count: 10,
            },
            HistoricalMeeting {
                held_on: on(3),
                kind: MeetingKind::Thematic,
                duration_minutes: 300,
                item_count: 5,
            },
        ]
    }

    fn meeting() -> MeetingFacts {
        let item = |number, seconds, consent| ItemFact {
            number,
            planned_minutes: 30,
            seconds,
            consent,
        };
        MeetingFacts {
            meeting_id: Uuid::nil(),
            title: "Phiên họp thường kỳ".into(),
            kind: MeetingKind::Regular,
            held_on: NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
            planned_minutes: 240,
            // 3 h 05 min.
            seconds: 11_100,
            items: vec![
                item(1, 2_700, false),
                item(2, 1_510, false),
                item(3, 0, true),
                item(4, 1_800, false),
                item(5, 0, true),
                item(6, 1_200, false),
                item(7, 1_500, false),
                item(8, 929, false),
            ],
            speaking_seconds: 4_000,
            // 12 and 20 pages to 24 members; 5 pages to 24 members and 1 guest.
            documents: vec![(12, 24), (20, 24), (5, 25)],
            read_pairs: 50,
            distributed_pairs: 73,
        }
    }

    #[test]
    fn one_meeting_worked_out_by_hand() {
        let rates = historical_rates(&history());
        // Regular: (480 + 420) ÷ (12 + 10) = 40.909… minutes per item, from 2 meetings.
        let (regular, counted) = rates[&MeetingKind::Regular];
        assert!((regular - 900.0 / 22.0).abs() < 1e-9);
        assert_eq!(counted, 2);
        assert_eq!(rates[&MeetingKind::Thematic], (60.0, 1));
        assert!(!rates.contains_key(&MeetingKind::Extraordinary));

        let s = meeting_savings(&meeting(), Some(regular), 600);
        assert_eq!(s.items, 8);
        assert_eq!(s.consent_items, 2);
        assert_eq!(s.actual_minutes, 185);
        // 40.909 × 8 = 327.27 → 327; (327 − 185) ÷ 327 = 43.43 % → 43.4.
        assert_eq!(s.baseline_minutes, Some(327));
        assert_eq!(s.reduction_percent, Some(43.4));
        // 4,000 s = 66.7 min → 67.
        assert_eq!(s.speaking_minutes, 67);
        // 12×24 + 20×24 + 5×25 = 288 + 480 + 125 = 893 pages; × 600 đ = 535,800 đ.
        assert_eq!(s.pages_saved, 893);
        assert_eq!(s.cost_saved, 535_800);
        // 1,510 s = 25.2 min → 25; 929 s = 15.5 min → 15 (15 min 29 s).
        assert_eq!(s.item_minutes[1], (2, 30, 25));
        assert_eq!(s.item_minutes[7], (8, 30, 15));
        assert_eq!(s.item_minutes[2], (3, 30, 0));

        // Without a baseline for its kind, no reduction is claimed.
        let none = meeting_savings(&meeting(), None, 600);
        assert_eq!(
            (none.baseline_minutes, none.reduction_percent),
            (None, None)
        );
    }

    #[test]
    fn totals_take_off_the_time_moved_to_ballots() {
        let rate = 900.0 / 22.0;
        let s = meeting_savings(&meeting(), Some(rate), 600);
        let t = totals(&[s], 3, Some(rate), &mut [30.0, 2.0, 5.0]);
        assert_eq!((t.baseline_minutes, t.actual_minutes), (327, 185));
        assert_eq!(t.reduction_percent, Some(43.4));
        // 3 ballots × 40.909 = 122.7 → 123 minutes moved, not saved: (327 − 185) − 123 = 19.
        assert_eq!(t.moved_to_ballots_minutes, 123);
        assert_eq!(t.net_saved_minutes, 19);
        // 50 of 73 read on a device = 68.49 % → 68.5.
        assert_eq!(t.read_percent, Some(68.5));
        // Median of 2, 5, 30 hours.
        assert_eq!(t.ballot_response_hours, Some(5.0));
        assert_eq!(median(&mut [4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(&mut []), None);
    }
}
