-- Four eyes on enrolment. Whoever asks for an enrolment link (a new account, a lost device)
-- never sees it: a second authorised person approves the request, and only then is a link
-- made and shown to them for the hand-over in person. A reset (revoke every passkey and
-- session of the account) happens at that approval, not before.
create table enrolment_request (
    id blob primary key,
    user_id blob not null references user_account (id),
    requested_by blob not null references user_account (id),
    requested_at text not null,
    reset integer not null check (reset in (0, 1)),
    decided_by blob references user_account (id),
    decided_at text,
    outcome text check (outcome in ('approved', 'refused', 'withdrawn', 'superseded'))
);
create index enrolment_request_open on enrolment_request (user_id) where decided_at is null;

-- Who approved the link (`created_by` is who asked for it).
alter table enrolment add column approved_by blob references user_account (id);

-- What a record vouches for beyond its actor and subject: who issued and approved an
-- enrolment, the hash of the content an act concerns. Hashed into the chain when present.
alter table audit_event add column detail text;

-- The passkey a session was started with: removing the passkey ends its sessions.
alter table session add column passkey_id blob references passkey (id);
