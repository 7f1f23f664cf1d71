//! The outcome of a written-opinion ballot by the Government's rules. N is the number of
//! eligible Government members, the Prime Minister included:
//! - **adopted** if more than half of N agree;
//! - **rejected** if more than half of N disagree;
//! - otherwise, if agree and disagree are equal and the Prime Minister answered one of them,
//!   the Prime Minister's side wins;
//! - otherwise **no decision**.
//!
//! "Other opinion" and no answer count for neither side.
use serde::{Deserialize, Serialize};

use crate::ballots::model::Choice;
use crate::i18n::Lang;

/// The counted answers of a closed ballot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// N: eligible members, fixed when the ballot was sent.
    pub eligible: u32,
    pub agree: u32,
    pub disagree: u32,
    pub other: u32,
    /// The Prime Minister's last answer, if they answered.
    pub prime_minister: Option<Choice>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    Adopted,
    Rejected,
    NoDecision,
}

impl Tally {
    /// Members who did not answer.
    pub fn unanswered(&self) -> u32 {
        self.eligible
            .saturating_sub(self.agree + self.disagree + self.other)
    }

    pub fn outcome(&self) -> Outcome {
        // "More than half" without fractions: 2 × votes > N.
        if 2 * self.agree > self.eligible {
            Outcome::Adopted
        } else if 2 * self.disagree > self.eligible {
            Outcome::Rejected
        } else if self.agree == self.disagree {
            match self.prime_minister {
                Some(Choice::Agree) => Outcome::Adopted,
                Some(Choice::Disagree) => Outcome::Rejected,
                Some(Choice::Other) | None => Outcome::NoDecision,
            }
        } else {
            Outcome::NoDecision
        }
    }
}

impl Outcome {
    /// As people read it, in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Outcome::Adopted, Lang::Vi) => "Thông qua",
            (Outcome::Adopted, Lang::En) => "Adopted",
            (Outcome::Rejected, Lang::Vi) => "Không thông qua",
            (Outcome::Rejected, Lang::En) => "Rejected",
            (Outcome::NoDecision, Lang::Vi) => "Không đủ điều kiện quyết định",
            (Outcome::NoDecision, Lang::En) => "No decision",
        }
    }
}

impl Outcome {
    /// The outcome a stored key stands for (an unknown key: no decision).
    pub fn from_key(key: &str) -> Outcome {
        match key {
            "adopted" => Outcome::Adopted,
            "rejected" => Outcome::Rejected,
            _ => Outcome::NoDecision,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(eligible: u32, agree: u32, disagree: u32, other: u32, pm: Option<Choice>) -> Tally {
        Tally {
            eligible,
            agree,
            disagree,
            other,
            prime_minister: pm,
        }
    }

    #[test]
    fn more_than_half_of_all_eligible_members_decides() {
        // 27 members: 14 is more than 13.5, 13 is not.
        assert_eq!(tally(27, 14, 2, 1, None).outcome(), Outcome::Adopted);
        assert_eq!(tally(27, 13, 2, 1, None).outcome(), Outcome::NoDecision);
        assert_eq!(
            tally(27, 1, 14, 0, Some(Choice::Agree)).outcome(),
            Outcome::Rejected
        );
        // 26 members: exactly half (13) is not more than half.
        assert_eq!(tally(26, 13, 0, 0, None).outcome(), Outcome::NoDecision);
        assert_eq!(tally(26, 14, 0, 0, None).outcome(), Outcome::Adopted);
        // Counted against N, not against those who answered: 10 of 10 answers, N = 27.
        assert_eq!(
            tally(27, 10, 0, 0, Some(Choice::Agree)).outcome(),
            Outcome::NoDecision
        );
    }

    #[test]
    fn a_tie_goes_to_the_prime_ministers_side() {
        assert_eq!(
            tally(26, 12, 12, 2, Some(Choice::Agree)).outcome(),
            Outcome::Adopted
        );
        assert_eq!(
            tally(26, 12, 12, 2, Some(Choice::Disagree)).outcome(),
            Outcome::Rejected
        );
        // The Prime Minister gave another opinion, or did not answer: no decision.
        assert_eq!(
            tally(26, 12, 12, 2, Some(Choice::Other)).outcome(),
            Outcome::NoDecision
        );
        assert_eq!(tally(26, 12, 12, 1, None).outcome(), Outcome::NoDecision);
        // 13 against 13 of 26 is a tie too (neither is more than half).
        assert_eq!(
            tally(26, 13, 13, 0, Some(Choice::Disagree)).outcome(),
            Outcome::Rejected
        );
        // Nobody answered agree or disagree: a tie at zero, decided by the PM only if they
        // chose a side — which here they did not.
        assert_eq!(
            tally(27, 0, 0, 5, Some(Choice::Other)).outcome(),
            Outcome::NoDecision
        );
    }

    #[test]
    fn other_opinions_and_silence_count_for_neither_side() {
        let t = tally(27, 11, 9, 4, Some(Choice::Agree));
        assert_eq!(t.unanswered(), 3);
        assert_eq!(t.outcome(), Outcome::NoDecision);
    }

    /// Every possible tally up to 30 eligible members with every Prime Minister's answer:
    /// exhaustive rather than sampled, since the space is small.
    fn every_tally() -> impl Iterator<Item = Tally> {
        let pm = [
            None,
            Some(Choice::Agree),
            Some(Choice::Disagree),
            Some(Choice::Other),
        ];
        (1..=30u32).flat_map(move |n| {
            (0..=n).flat_map(move |a| {
                (0..=n - a).flat_map(move |d| {
                    (0..=n - a - d).flat_map(move |o| {
                        pm.into_iter()
                            // The Prime Minister's answer is one of the counted ones.
                            .filter(move |p| match p {
                                Some(Choice::Agree) => a > 0,
                                Some(Choice::Disagree) => d > 0,
                                Some(Choice::Other) => o > 0,
                                None => a + d + o < n,
                            })
                            .map(move |p| tally(n, a, d, o, p))
                    })
                })
            })
        })
    }

    fn mirrored(t: Tally) -> Tally {
        Tally {
            agree: t.disagree,
            disagree: t.agree,
            prime_minister: t.prime_minister.map(|c| match c {
                Choice::Agree => Choice::Disagree,
                Choice::Disagree => Choice::Agree,
                Choice::Other => Choice::Other,
            }),
            ..t
        }
    }

    #[test]
    fn one_more_agreeing_member_can_undo_a_tie_adoption() {
        // Not an invariant of these rules (worth knowing): 2–2 of 10 with the Prime Minister
        // agreeing is adopted; 3–2 is neither a majority of N nor a tie.
        assert_eq!(
            tally(10, 2, 2, 0, Some(Choice::Agree)).outcome(),
            Outcome::Adopted
        );
        assert_eq!(
            tally(10, 3, 2, 0, Some(Choice::Agree)).outcome(),
            Outcome::NoDecision
        );
    }

    #[test]
    fn invariants_hold_for_every_tally_up_to_thirty_members() {
        let mut checked = 0;
        for t in every_tally() {
            let outcome = t.outcome();
            // Adopted needs the agreeing side ahead, or level with the Prime Minister on it;
            // rejected likewise — so never both, and never against a majority of N.
            match outcome {
                Outcome::Adopted => assert!(
                    t.agree > t.disagree
                        || (t.agree == t.disagree && t.prime_minister == Some(Choice::Agree)),
                    "{t:?}"
                ),
                Outcome::Rejected => assert!(
                    t.disagree > t.agree
                        || (t.agree == t.disagree && t.prime_minister == Some(Choice::Disagree)),
                    "{t:?}"
                ),
                Outcome::NoDecision => {
                    assert!(
                        2 * t.agree <= t.eligible && 2 * t.disagree <= t.eligible,
                        "{t:?}"
                    )
                }
            }
            if 2 * t.agree > t.eligible {
                assert_eq!(outcome, Outcome::Adopted, "{t:?}");
            }
            // The rules favour neither side: swapping them swaps the outcome.
            let swapped = match outcome {
                Outcome::Adopted => Outcome::Rejected,
                Outcome::Rejected => Outcome::Adopted,
                Outcome::NoDecision => Outcome::NoDecision,
            };
            assert_eq!(mirrored(t).outcome(), swapped, "{t:?}");
            if t.unanswered() > 0 {
                // A silent member who gives "other opinion" changes nothing…
                let spoke = Tally {
                    other: t.other + 1,
                    ..t
                };
                assert_eq!(spoke.outcome(), outcome, "{t:?}");
                if t.prime_minister.is_none() {
                    // …nor does a silent Prime Minister who does so.
                    let pm_spoke = Tally {
                        prime_minister: Some(Choice::Other),
                        ..spoke
                    };
                    assert_eq!(pm_spoke.outcome(), outcome, "{t:?}");
                }
            }
            checked += 1;
        }
        // Σ over N of the tallies and the Prime Minister's possible answers: enough cases.
        assert!(checked > 20_000, "{checked}");
    }
}
