-- Whether a closed meeting counts in the savings, as the secretariat decided: excluded with
-- a reason (a test, a meeting cut short), or counted after the review that a meeting far
-- shorter than planned asks for. A later decision replaces the earlier one; each is in the
-- audit chain with the hash of its reason.
create table savings_review (
    meeting_id uuid primary key references meeting (id),
    counts boolean not null,
    reason text not null,
    decided_by uuid not null references user_account (id),
    decided_at timestamptz not null
);
