-- Ministries' submissions (tờ trình): a proposal for a meeting's agenda or for a written
-- ballot, prepared by the ministry's officers with its documents, signed and sent by the
-- minister, checked by the Government Office. A document may now belong to a submission.
create table submission (
    id uuid primary key,
    ministry_id uuid not null references ministry (id),
    kind text not null check (kind in ('item', 'ballot')),
    title text not null,
    summary text not null default '',
    urgent boolean not null default false,
    -- The session asked for, 'YYYY-MM' (a meeting's item); none for a ballot.
    session_month text,
    -- The minister, or a deputy named in words.
    presenter_id uuid references user_account (id),
    presenter_name text not null default '',
    state text not null default 'draft'
        check (state in ('draft', 'sent', 'returned', 'accepted', 'scheduled', 'withdrawn')),
    -- How many times it was sent; the documents' versions at each send are in its history.
    sent_count bigint not null default 0,
    -- Bumped by every change (facts, documents, state): a minister signs the revision shown,
    -- and a send is refused if the file moved meanwhile.
    revision bigint not null default 0,
    late boolean not null default false,
    agenda_item_id uuid references agenda_item (id),
    ballot_id uuid references ballot (id),
    created_by uuid references user_account (id),
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create index submission_ministry on submission (ministry_id, state);
create index submission_state on submission (state, updated_at);

-- What a submission of each kind must carry: data the secretariat edits (a row per document
-- asked for; `required`: it cannot be sent without one).
create table submission_requirement (
    kind text not null check (kind in ('item', 'ballot')),
    code text not null,
    label_vi text not null,
    label_en text not null,
    required boolean not null,
    position bigint not null,
    primary key (kind, code)
);

alter table document add column submission_id uuid references submission (id);
alter table document add column requirement text;
alter table document drop constraint document_home;
alter table document add constraint document_home check (
    (agenda_item_id is not null)::int + (ballot_id is not null)::int
        + (task_id is not null)::int + (submission_id is not null)::int = 1
);
create index document_submission on document (submission_id);

-- What happened to a submission, in order; never changed or deleted. `content_sha256`: the
-- hash of the canonical submission the act was about (its documents' SHA-256 included).
create table submission_event (
    id uuid primary key,
    submission_id uuid not null references submission (id),
    kind text not null,
    actor_id uuid references user_account (id),
    body text not null default '',
    content_sha256 text,
    created_at timestamptz not null
);
create index submission_event_submission on submission_event (submission_id, created_at);
create trigger submission_event_no_change before update or delete on submission_event
    for each row execute function task_event_append_only();

-- The checklists as the Government's working regulation asks (the secretariat edits them).
insert into submission_requirement (kind, code, label_vi, label_en, required, position) values
    ('item', 'letter', 'Tờ trình', 'Submission letter', true, 1),
    ('item', 'draft', 'Dự thảo văn bản', 'Draft', true, 2),
    ('item', 'appraisal', 'Báo cáo thẩm định của Bộ Tư pháp', 'Ministry of Justice appraisal report', true, 3),
    ('item', 'opinions', 'Bản tổng hợp ý kiến góp ý', 'Summary of opinions gathered', true, 4),
    ('item', 'annex', 'Phụ lục', 'Annex', false, 5),
    ('ballot', 'letter', 'Tờ trình', 'Submission letter', true, 1),
    ('ballot', 'draft', 'Dự thảo văn bản', 'Draft', true, 2),
    ('ballot', 'opinions', 'Bản tổng hợp ý kiến góp ý', 'Summary of opinions gathered', false, 3);

-- The minister signs a submission when sending it: a one-use nonce (five minutes), then the
-- signature kept with exactly what was signed (the canonical text: the facts and each
-- document's version and SHA-256), re-checked by `verify-ballots`. Never changed.
create table submission_nonce (
    nonce bytea primary key,
    submission_id uuid not null references submission (id),
    user_id uuid not null references user_account (id),
    expires_at timestamptz not null
);
create table submission_signature (
    id uuid primary key,
    submission_id uuid not null references submission (id),
    sent_no bigint not null,
    user_id uuid not null references user_account (id),
    canonical text not null,
    canonical_sha256 text not null,
    nonce bytea not null unique,
    credential_id bytea not null,
    client_data_json bytea not null,
    authenticator_data bytea not null,
    signature bytea not null,
    created_at timestamptz not null,
    unique (submission_id, sent_no)
);
create trigger submission_signature_no_change before update or delete on submission_signature
    for each row execute function task_event_append_only();
