//! Where a task stands on a day, and the dashboard's figures: pure rules, one place.
//!
//! - A task is **done** once the Government Office accepts its completion; it was done on the
//!   day its completion was reported (the report accepted), and **on time** when that day is
//!   not after the deadline in force (an extension granted moves it; the first one is kept
//!   for the record only). A regular task (no deadline) done is on time.
//! - A task not done is **overdue** from the day after its deadline in force (the day itself
//!   is still in time), in the Government's time zone: it flips at local midnight. A reported
//!   completion awaiting the Office does not stop the clock: returned, it was never done.
//! - Otherwise it is **in progress**.
use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};

use crate::tasks::model::{Figures, TaskState, TaskStatus};

pub fn status(
    state: TaskState,
    deadline: Option<NaiveDate>,
    done_on: Option<NaiveDate>,
    today: NaiveDate,
) -> TaskStatus {
    match (state, deadline) {
        (TaskState::Done, Some(deadline)) if done_on.is_some_and(|d| d > deadline) => {
            TaskStatus::DoneLate
        }
        (TaskState::Done, _) => TaskStatus::DoneOnTime,
        (_, Some(deadline)) if today > deadline => TaskStatus::Overdue,
        _ => TaskStatus::InProgress,
    }
}

/// The counts of tasks of these statuses.
pub fn figures(statuses: impl IntoIterator<Item = TaskStatus>) -> Figures {
    let mut f = Figures::default();
    for s in statuses {
        f.assigned += 1;
        match s {
            TaskStatus::DoneOnTime => f.done_on_time += 1,
            TaskStatus::DoneLate => f.done_late += 1,
            TaskStatus::InProgress => f.in_progress += 1,
            TaskStatus::Overdue => f.overdue += 1,
        }
    }
    f
}

/// ("YYYY-MM", done on time, done) for each month a task was done in, in order.
pub fn on_time_by_month(
    done: impl IntoIterator<Item = (NaiveDate, TaskStatus)>,
) -> Vec<(String, i64, i64)> {
    let mut months: BTreeMap<String, (i64, i64)> = BTreeMap::new();
    for (day, s) in done {
        let m = months.entry(day.format("%Y-%m").to_string()).or_default();
        m.1 += 1;
        if s == TaskStatus::DoneOnTime {
            m.0 += 1;
        }
    }
    months
        .into_iter()
        .map(|(month, (on_time, done))| (month, on_time, done))
        .collect()
}

/// The median of whole days (the mean of the middle two for an even count).
pub fn median_days(mut days: Vec<i64>) -> Option<f64> {
    days.sort_unstable();
    let n = days.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(days[n / 2] as f64),
        _ => Some((days[n / 2 - 1] + days[n / 2]) as f64 / 2.0),
    }
}

/// The last day of the month `day` falls in.
fn month_end(day: NaiveDate) -> NaiveDate {
    let (y, m) = if day.month() == 12 {
        (day.year() + 1, 1)
    } else {
        (day.year(), day.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).map_or(day, |first| first.pred_opt().unwrap_or(day))
}

/// A burn-down: of tasks (assigned on, done on), how many were open ("assigned, not done")
/// at the end of each month from the first assignment's to `today`'s (today for its month).
pub fn burn_down(tasks: &[(NaiveDate, Option<NaiveDate>)], today: NaiveDate) -> Vec<(String, i64)> {
    let Some(first) = tasks.iter().map(|(a, _)| *a).min() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut end = month_end(first);
    loop {
        let at = end.min(today);
        let open = tasks
            .iter()
            .filter(|(assigned, done)| *assigned <= at && done.is_none_or(|d| d > at))
            .count() as i64;
        out.push((at.format("%Y-%m").to_string(), open));
        if end >= today {
            break;
        }
        end = month_end(end + chrono::Days::new(1));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use TaskState::*;
    use TaskStatus::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_rule_written_out() {
        let deadline = Some(day("2026-12-10"));
        // (state, deadline, done on, today, expected): worked out from the rule above.
        let cases = [
            (Assigned, deadline, None, "2026-12-10", InProgress),
            (Assigned, deadline, None, "2026-12-11", Overdue),
            (CompletionReported, deadline, None, "2026-12-11", Overdue),
            (CompletionReported, deadline, None, "2026-12-09", InProgress),
            (
                Done,
                deadline,
                Some(day("2026-12-10")),
                "2026-12-20",
                DoneOnTime,
            ),
            (
                Done,
                deadline,
                Some(day("2026-12-11")),
                "2026-12-20",
                DoneLate,
            ),
            (
                Done,
                deadline,
                Some(day("2026-12-01")),
                "2026-12-02",
                DoneOnTime,
            ),
            (Assigned, None, None, "2030-01-01", InProgress),
            (
                Done,
                None,
                Some(day("2030-01-01")),
                "2030-01-02",
                DoneOnTime,
            ),
        ];
        for (state, deadline, done_on, today, expected) in cases {
            assert_eq!(
                status(state, deadline, done_on, day(today)),
                expected,
                "{state:?} {deadline:?} {done_on:?} {today}"
            );
        }
    }

    #[test]
    fn figures_rates_and_medians_by_hand() {
        // 22 done of 30 (17 on time, 5 late), 6 in progress, 2 overdue.
        let mut all = vec![DoneOnTime; 17];
        all.extend([DoneLate; 5]);
        all.extend([InProgress; 6]);
        all.extend([Overdue; 2]);
        let f = figures(all);
        assert_eq!(
            (f.assigned, f.done(), f.in_progress, f.overdue),
            (30, 22, 6, 2)
        );
        // 22/30 = 73.33 %; 17/22 = 77.27 %.
        assert_eq!(format!("{:.1}", f.completion_percent().unwrap()), "73.3");
        assert_eq!(format!("{:.1}", f.on_time_percent().unwrap()), "77.3");
        assert_eq!(figures([]).completion_percent(), None);
        assert_eq!(median_days(vec![]), None);
        assert_eq!(median_days(vec![9, 1, 5]), Some(5.0));
        assert_eq!(median_days(vec![10, 1, 4, 30]), Some(7.0));
        let months = on_time_by_month([
            (day("2026-07-31"), DoneOnTime),
            (day("2026-07-01"), DoneLate),
            (day("2026-06-15"), DoneOnTime),
        ]);
        assert_eq!(
            months,
            [("2026-06".to_owned(), 1, 1), ("2026-07".to_owned(), 1, 2)]
        );
    }

    #[test]
    fn a_burn_down_by_hand() {
        // Four tasks assigned in October and November. Open at October's end: A (B was done
        // on the 31st); at November's: C, D (A done on the 20th; D assigned on the 30th);
        // on 7 December: D (C done on the 3rd).
        let tasks = [
            (day("2026-10-05"), Some(day("2026-11-20"))), // A
            (day("2026-10-20"), Some(day("2026-10-31"))), // B
            (day("2026-11-02"), Some(day("2026-12-03"))), // C
            (day("2026-11-30"), None),                    // D
        ];
        let open = |s: &str, n: i64| (s.to_owned(), n);
        assert_eq!(
            burn_down(&tasks, day("2026-12-07")),
            [open("2026-10", 1), open("2026-11", 2), open("2026-12", 1)]
        );
        assert_eq!(burn_down(&[], day("2026-12-07")), []);
        // Across a year's end.
        let late = [(day("2026-12-30"), None)];
        assert_eq!(
            burn_down(&late, day("2027-01-02")),
            [open("2026-12", 1), open("2027-01", 1)]
        );
    }
}
