-- The minutes (biên bản) of a meeting: drafted from what was recorded, edited by the
-- secretariat, approved by the chair, then finalised — locked, its SHA-256 kept and the act
-- entered in the audit chain.
create table minutes (
    meeting_id uuid primary key references meeting (id) on delete cascade,
    body text not null,
    state text not null check (state in ('draft', 'approved', 'final')),
    updated_by uuid references user_account (id),
    updated_at timestamptz not null,
    approved_by uuid references user_account (id),
    approved_at timestamptz,
    finalised_by uuid references user_account (id),
    finalised_at timestamptz,
    body_sha256 text,
    check (state <> 'final' or body_sha256 is not null)
);
