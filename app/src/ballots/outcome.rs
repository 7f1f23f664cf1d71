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
}
