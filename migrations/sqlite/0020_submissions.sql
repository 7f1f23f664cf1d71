-- Ministries' submissions (tờ trình): a proposal for a meeting's agenda or for a written
-- ballot, prepared by the ministry's officers with its documents, signed and sent by the
-- minister, checked by the Government Office. A document may now belong to a submission.
create table submission (
    id blob primary key,
    ministry_id blob not null references ministry (id),
    kind text not null check (kind in ('item', 'ballot')),
    title text not null,
    summary text not null default '',
    urgent integer not null default 0 check (urgent in (0, 1)),
    -- The session asked for, 'YYYY-MM' (a meeting's item); none for a ballot.
    session_month text,
    -- The minister, or a deputy named in words.
    presenter_id blob references user_account (id),
    presenter_name text not null default '',
    state text not null default 'draft'
        check (state in ('draft', 'sent', 'returned', 'accepted', 'scheduled', 'withdrawn')),
    -- How many times it was sent; the documents' versions at each send are in its history.
    sent_count integer not null default 0,
    -- Bumped by every change (facts, documents, state): a minister signs the revision shown,
    -- and a send is refused if the file moved meanwhile.
    revision integer not null default 0,
    late integer not null default 0 check (late in (0, 1)),
    agenda_item_id blob references agenda_item (id),
    ballot_id blob references ballot (id),
    created_by blob references user_account (id),
    created_at text not null,
    updated_at text not null
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
    required integer not null check (required in (0, 1)),
    position integer not null,
    primary key (kind, code)
);

-- SQLite cannot change a check constraint: document is rebuilt (as in 0019) with a fourth
-- home, and `requirement` (the checklist entry a submission's document answers).
create table document_new (
    id blob primary key,
    agenda_item_id blob references agenda_item (id) on delete cascade,
    ballot_id blob references ballot (id) on delete cascade,
    task_id blob references task (id),
    title text not null,
    position integer not null default 0,
    downloadable integer not null default 0 check (downloadable in (0, 1)),
    created_at text not null,
    updated_at text not null,
    title_terms text,
    submission_id blob references submission (id),
    requirement text,
    check ((agenda_item_id is not null) + (ballot_id is not null) + (task_id is not null)
           + (submission_id is not null) = 1)
);
insert into document_new (id, agenda_item_id, ballot_id, task_id, title, position,
                          downloadable, created_at, updated_at, title_terms)
    select id, agenda_item_id, ballot_id, task_id, title, position, downloadable, created_at,
           updated_at, title_terms
    from document;
drop table document;
alter table document_new rename to document;
create index document_item on document (agenda_item_id);
create index document_ballot on document (ballot_id);
create index document_task on document (task_id);
create index document_submission on document (submission_id);

-- What happened to a submission, in order; never changed or deleted. `content_sha256`: the
-- hash of the canonical submission the act was about (its documents' SHA-256 included).
create table submission_event (
    id blob primary key,
    submission_id blob not null references submission (id),
    kind text not null,
    actor_id blob references user_account (id),
    body text not null default '',
    content_sha256 text,
    created_at text not null
);
create index submission_event_submission on submission_event (submission_id, created_at);
create trigger submission_event_no_update before update on submission_event begin
    select raise(abort, 'submission history is append-only');
end;
create trigger submission_event_no_delete before delete on submission_event begin
    select raise(abort, 'submission history is append-only');
end;

-- The checklists as the Government's working regulation asks (the secretariat edits them).
insert into submission_requirement (kind, code, label_vi, label_en, required, position) values
    ('item', 'letter', 'Tờ trình', 'Submission letter', 1, 1),
    ('item', 'draft', 'Dự thảo văn bản', 'Draft', 1, 2),
    ('item', 'appraisal', 'Báo cáo thẩm định của Bộ Tư pháp', 'Ministry of Justice appraisal report', 1, 3),
    ('item', 'opinions', 'Bản tổng hợp ý kiến góp ý', 'Summary of opinions gathered', 1, 4),
    ('item', 'annex', 'Phụ lục', 'Annex', 0, 5),
    ('ballot', 'letter', 'Tờ trình', 'Submission letter', 1, 1),
    ('ballot', 'draft', 'Dự thảo văn bản', 'Draft', 1, 2),
    ('ballot', 'opinions', 'Bản tổng hợp ý kiến góp ý', 'Summary of opinions gathered', 0, 3);

-- The minister signs a submission when sending it: a one-use nonce (five minutes), then the
-- signature kept with exactly what was signed (the canonical text: the facts and each
-- document's version and SHA-256), re-checked by `verify-ballots`. Never changed.
create table submission_nonce (
    nonce blob primary key,
    submission_id blob not null references submission (id),
    user_id blob not null references user_account (id),
    expires_at text not null
);
create table submission_signature (
    id blob primary key,
    submission_id blob not null references submission (id),
    sent_no integer not null,
    user_id blob not null references user_account (id),
    canonical text not null,
    canonical_sha256 text not null,
    nonce blob not null unique,
    credential_id blob not null,
    client_data_json blob not null,
    authenticator_data blob not null,
    signature blob not null,
    created_at text not null,
    unique (submission_id, sent_no)
);
create trigger submission_signature_no_update before update on submission_signature begin
    select raise(abort, 'a signature is never changed');
end;
create trigger submission_signature_no_delete before delete on submission_signature begin
    select raise(abort, 'a signature is never changed');
end;
