-- Whether a closed meeting counts in the savings, as the secretariat decided: excluded with
-- a reason (a test, a meeting cut short), or counted after the review that a meeting far
-- shorter than planned asks for. A later decision replaces the earlier one; each is in the
-- audit chain with the hash of its reason.
create table savings_review (
    meeting_id blob primary key references meeting (id),
    counts integer not null check (counts in (0, 1)),
    reason text not null,
    decided_by blob not null references user_account (id),
    decided_at text not null
);
