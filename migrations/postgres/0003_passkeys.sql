-- Passkeys (the only way to sign in), one-time enrolment links, and WebAuthn ceremony state
-- kept server-side so any node can finish a ceremony another began.
create table passkey (
    id uuid primary key,
    user_id uuid not null references user_account (id),
    -- unique across all accounts: a credential belongs to one person
    credential_id bytea not null unique,
    -- webauthn-rs's Passkey (public key, counter, flags) as JSON
    passkey text not null,
    name text not null,
    created_at timestamptz not null,
    last_used_at timestamptz,
    -- removed passkeys are kept so old signatures stay verifiable
    revoked_at timestamptz
);
create index passkey_by_user on passkey (user_id);

create table enrolment (
    token_sha256 text primary key,
    user_id uuid not null references user_account (id),
    created_by uuid references user_account (id),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at timestamptz
);
create index enrolment_by_user on enrolment (user_id);

create table webauthn_ceremony (
    id uuid primary key,
    kind text not null check (kind in ('registration', 'authentication')),
    user_id uuid references user_account (id),
    enrolment_token_sha256 text,
    state text not null,
    created_at timestamptz not null,
    expires_at timestamptz not null
);
