-- Written-opinion ballots: who is eligible (fixed at sending, with the Prime Minister marked),
-- signed answers (the passkey assertion kept with the answer), one-use nonces for signing,
-- deadline extensions with their reasons, reminders sent, and the result stored at closing.
alter table ballot add column reminder_hours text not null default '24,2';
alter table ballot add column results_to_members boolean not null default true;
alter table ballot add column eligible_count bigint;
alter table ballot add column agree_count bigint;
alter table ballot add column disagree_count bigint;
alter table ballot add column other_count bigint;
alter table ballot add column outcome text
    check (outcome is null or outcome in ('adopted', 'rejected', 'no_decision'));
alter table ballot add column closed_by uuid references user_account (id);

alter table ballot_eligible add column prime_minister boolean not null default false;

-- A signed answer carries the assertion; an answer entered from paper has none.
alter table ballot_answer add column answer_sha256 text;
alter table ballot_answer add column nonce bytea;
alter table ballot_answer add column credential_id bytea;
alter table ballot_answer add column client_data_json bytea;
alter table ballot_answer add column authenticator_data bytea;
alter table ballot_answer add column signature bytea;
-- A repeated submission (same nonce, or same paper form) is the same answer.
alter table ballot_answer add column request_key text;
create unique index ballot_answer_request on ballot_answer (request_key);

create table ballot_nonce (
    nonce bytea primary key,
    ballot_id uuid not null references ballot (id) on delete cascade,
    user_id uuid not null references user_account (id),
    expires_at timestamptz not null
);

create table ballot_extension (
    id uuid primary key,
    ballot_id uuid not null references ballot (id) on delete cascade,
    old_deadline_at timestamptz not null,
    new_deadline_at timestamptz not null,
    reason text not null,
    extended_by uuid not null references user_account (id),
    created_at timestamptz not null
);
create index ballot_extension_by_ballot on ballot_extension (ballot_id, created_at);

-- Reminders already sent (hours before the deadline; 0 is the overdue notice).
create table ballot_reminder (
    ballot_id uuid not null references ballot (id) on delete cascade,
    hours_before bigint not null,
    sent_at timestamptz not null,
    primary key (ballot_id, hours_before)
);
