-- The core of the domain: people and ministries, meetings and their agenda, documents,
-- written-opinion ballots, sessions. Later features refine it with new migrations.

create table ministry (
    id uuid primary key,
    code text not null unique,
    name_vi text not null,
    name_en text not null,
    -- the Government's official order of ministries, used for protocol order
    protocol_order bigint not null unique,
    created_at timestamptz not null
);

create table user_account (
    id uuid primary key,
    full_name text not null,
    email text not null unique,
    phone text,
    role text not null check (role in ('member', 'guest', 'secretariat', 'admin')),
    active boolean not null default true,
    created_at timestamptz not null,
    updated_at timestamptz not null
);

-- The title and ministry a person holds, over time: a meeting shows the title held on its date.
create table appointment (
    id uuid primary key,
    user_id uuid not null references user_account (id),
    title_vi text not null,
    title_en text not null,
    ministry_id uuid references ministry (id),
    -- lower comes first: Prime Minister, deputy PMs, then ministers in ministry order
    protocol_rank bigint not null,
    starts_on date not null,
    ends_on date,
    created_at timestamptz not null
);
create index appointment_user on appointment (user_id, starts_on);

create table meeting (
    id uuid primary key,
    kind text not null check (kind in ('regular', 'thematic', 'extraordinary')),
    title text not null,
    starts_at timestamptz not null,
    planned_minutes bigint not null check (planned_minutes > 0),
    place text,
    online boolean not null default false,
    time_zone text not null default 'Asia/Ho_Chi_Minh',
    state text not null default 'draft'
        check (state in ('draft', 'published', 'in_progress', 'closed', 'postponed', 'cancelled')),
    chair_id uuid references user_account (id),
    created_by uuid references user_account (id),
    published_at timestamptz,
    actual_start_at timestamptz,
    actual_end_at timestamptz,
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create index meeting_starts_at on meeting (starts_at);

create table agenda_item (
    id uuid primary key,
    meeting_id uuid not null references meeting (id) on delete cascade,
    position bigint not null,
    title text not null,
    presenter_ministry_id uuid references ministry (id),
    planned_minutes bigint not null check (planned_minutes >= 0),
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create index agenda_item_meeting on agenda_item (meeting_id, position);

-- Members invited to a whole meeting.
create table invitation (
    meeting_id uuid not null references meeting (id) on delete cascade,
    user_id uuid not null references user_account (id),
    created_at timestamptz not null,
    primary key (meeting_id, user_id)
);
create index invitation_user on invitation (user_id);

-- Guests invited to single agenda items only.
create table item_guest (
    agenda_item_id uuid not null references agenda_item (id) on delete cascade,
    user_id uuid not null references user_account (id),
    created_at timestamptz not null,
    primary key (agenda_item_id, user_id)
);
create index item_guest_user on item_guest (user_id);

-- File contents, stored once per SHA-256 and cut into chunks so a range request reads only
-- the chunks it needs.
create table blob (
    sha256 text primary key,
    byte_size bigint not null,
    chunk_size bigint not null,
    created_at timestamptz not null
);

create table blob_chunk (
    sha256 text not null references blob (sha256) on delete cascade,
    chunk_index bigint not null,
    data bytea not null,
    primary key (sha256, chunk_index)
);

create table ballot (
    id uuid primary key,
    title text not null,
    question text not null,
    state text not null default 'draft' check (state in ('draft', 'open', 'closed')),
    deadline_at timestamptz not null,
    meeting_id uuid references meeting (id),
    agenda_item_id uuid references agenda_item (id),
    created_by uuid references user_account (id),
    sent_at timestamptz,
    closed_at timestamptz,
    created_at timestamptz not null,
    updated_at timestamptz not null
);

create table ballot_eligible (
    ballot_id uuid not null references ballot (id) on delete cascade,
    user_id uuid not null references user_account (id),
    primary key (ballot_id, user_id)
);

-- Every answer given is kept; the latest per member counts.
create table ballot_answer (
    id uuid primary key,
    ballot_id uuid not null references ballot (id),
    user_id uuid not null references user_account (id),
    choice text not null check (choice in ('agree', 'disagree', 'other')),
    other_text text,
    comment text,
    entered_by uuid references user_account (id),
    answered_at timestamptz not null,
    check (choice <> 'other' or (other_text is not null and length(trim(other_text)) > 0))
);
create index ballot_answer_member on ballot_answer (ballot_id, user_id, answered_at);

-- A document belongs to an agenda item or to a ballot (its draft documents).
create table document (
    id uuid primary key,
    agenda_item_id uuid references agenda_item (id) on delete cascade,
    ballot_id uuid references ballot (id) on delete cascade,
    title text not null,
    position bigint not null default 0,
    downloadable boolean not null default false,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    check ((agenda_item_id is null) <> (ballot_id is null))
);
create index document_item on document (agenda_item_id);
create index document_ballot on document (ballot_id);

create table document_version (
    id uuid primary key,
    document_id uuid not null references document (id) on delete cascade,
    version_no bigint not null,
    blob_sha256 text not null references blob (sha256),
    file_name text not null,
    page_count bigint,
    text_status text not null default 'queued'
        check (text_status in ('queued', 'extracting', 'indexed', 'failed')),
    uploaded_by uuid references user_account (id),
    created_at timestamptz not null,
    unique (document_id, version_no)
);

-- Server-side sessions: the cookie carries a random token, the database only its SHA-256.
create table session (
    token_sha256 text primary key,
    user_id uuid not null references user_account (id),
    created_at timestamptz not null,
    last_seen_at timestamptz not null,
    expires_at timestamptz not null
);
create index session_by_user on session (user_id);

-- Small facts about this installation (e.g. that the demo data was loaded).
create table setting (
    key text primary key,
    value text not null,
    updated_at timestamptz not null
);
