-- Account management, sessions one can list and end, rate limits shared by every node, and
-- in-app notifications.

-- Sessions get a public id (to list and end them without exposing the token), the device
-- that opened them, and the time of the last request (the inactivity timeout).
-- Sessions are short-lived: existing ones are dropped (everyone signs in again once).
drop index session_by_user;
drop table session;
create table session (
    id uuid primary key,
    token_sha256 text not null unique,
    user_id uuid not null references user_account (id),
    user_agent text not null default '',
    created_at timestamptz not null,
    last_seen_at timestamptz not null,
    expires_at timestamptz not null
);
create index session_by_user on session (user_id);

alter table user_account add column deactivated_at timestamptz;
alter table user_account add column created_by uuid references user_account (id);

-- Fixed-window counters: `bucket` names what is limited (e.g. "sign_in:client:203.0.113.7").
create table rate_limit (
    bucket text primary key,
    window_start timestamptz not null,
    hits bigint not null
);

create table notification (
    id uuid primary key,
    user_id uuid not null references user_account (id),
    kind text not null,
    created_at timestamptz not null,
    read_at timestamptz
);
create index notification_by_user on notification (user_id, created_at);
