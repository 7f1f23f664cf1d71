-- Passkeys (the only way to sign in), one-time enrolment links, and WebAuthn ceremony state
-- kept server-side so any node can finish a ceremony another began.
create table passkey (
    id blob primary key,
    user_id blob not null references user_account (id),
    -- unique across all accounts: a credential belongs to one person
    credential_id blob not null unique,
    -- webauthn-rs's Passkey (public key, counter, flags) as JSON
    passkey text not null,
    name text not null,
    created_at text not null,
    last_used_at text,
    -- removed passkeys are kept so old signatures stay verifiable
    revoked_at text
);
create index passkey_by_user on passkey (user_id);

create table enrolment (
    token_sha256 text primary key,
    user_id blob not null references user_account (id),
    created_by blob references user_account (id),
    created_at text not null,
    expires_at text not null,
    used_at text
);
create index enrolment_by_user on enrolment (user_id);

create table webauthn_ceremony (
    id blob primary key,
    kind text not null check (kind in ('registration', 'authentication')),
    user_id blob references user_account (id),
    enrolment_token_sha256 text,
    state text not null,
    created_at text not null,
    expires_at text not null
);
