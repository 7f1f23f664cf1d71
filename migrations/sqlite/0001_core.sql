-- The core of the domain: people and ministries, meetings and their agenda, documents,
-- written-opinion ballots, sessions. Later features refine it with new migrations.

create table ministry (
    id blob primary key,
    code text not null unique,
    name_vi text not null,
    name_en text not null,
    -- the Government's official order of ministries, used for protocol order
    protocol_order integer not null unique,
    created_at text not null
);

create table user_account (
    id blob primary key,
    full_name text not null,
    email text not null unique,
    phone text,
    role text not null check (role in ('member', 'guest', 'secretariat', 'admin')),
    active integer not null default 1 check (active in (0, 1)),
    created_at text not null,
    updated_at text not null
);

-- The title and ministry a person holds, over time: a meeting shows the title held on its date.
create table appointment (
    id blob primary key,
    user_id blob not null references user_account (id),
    title_vi text not null,
    title_en text not null,
    ministry_id blob references ministry (id),
    -- lower comes first: Prime Minister, deputy PMs, then ministers in ministry order
    protocol_rank integer not null,
    starts_on text not null,
    ends_on text,
    created_at text not null
);
create index appointment_user on appointment (user_id, starts_on);

create table meeting (
    id blob primary key,
    kind text not null check (kind in ('regular', 'thematic', 'extraordinary')),
    title text not null,
    starts_at text not null,
    planned_minutes integer not null check (planned_minutes > 0),
    place text,
    online integer not null default 0 check (online in (0, 1)),
    time_zone text not null default 'Asia/Ho_Chi_Minh',
    state text not null default 'draft'
        check (state in ('draft', 'published', 'in_progress', 'closed', 'postponed', 'cancelled')),
    chair_id blob references user_account (id),
    created_by blob references user_account (id),
    published_at text,
    actual_start_at text,
    actual_end_at text,
    created_at text not null,
    updated_at text not null
);
create index meeting_starts_at on meeting (starts_at);

create table agenda_item (
    id blob primary key,
    meeting_id blob not null references meeting (id) on delete cascade,
    position integer not null,
    title text not null,
    presenter_ministry_id blob references ministry (id),
    planned_minutes integer not null check (planned_minutes >= 0),
    created_at text not null,
    updated_at text not null
);
create index agenda_item_meeting on agenda_item (meeting_id, position);

-- Members invited to a whole meeting.
create table invitation (
    meeting_id blob not null references meeting (id) on delete cascade,
    user_id blob not null references user_account (id),
    created_at text not null,
    primary key (meeting_id, user_id)
);
create index invitation_user on invitation (user_id);

-- Guests invited to single agenda items only.
create table item_guest (
    agenda_item_id blob not null references agenda_item (id) on delete cascade,
    user_id blob not null references user_account (id),
    created_at text not null,
    primary key (agenda_item_id, user_id)
);
create index item_guest_user on item_guest (user_id);

-- File contents, stored once per SHA-256 and cut into chunks so a range request reads only
-- the chunks it needs.
create table blob (
    sha256 text primary key,
    byte_size integer not null,
    chunk_size integer not null,
    created_at text not null
);

create table blob_chunk (
    sha256 text not null references blob (sha256) on delete cascade,
    chunk_index integer not null,
    data blob not null,
    primary key (sha256, chunk_index)
);

create table ballot (
    id blob primary key,
    title text not null,
    question text not null,
    state text not null default 'draft' check (state in ('draft', 'open', 'closed')),
    deadline_at text not null,
    meeting_id blob references meeting (id),
    agenda_item_id blob references agenda_item (id),
    created_by blob references user_account (id),
    sent_at text,
    closed_at text,
    created_at text not null,
    updated_at text not null
);

create table ballot_eligible (
    ballot_id blob not null references ballot (id) on delete cascade,
    user_id blob not null references user_account (id),
    primary key (ballot_id, user_id)
);

-- Every answer given is kept; the latest per member counts.
create table ballot_answer (
    id blob primary key,
    ballot_id blob not null references ballot (id),
    user_id blob not null references user_account (id),
    choice text not null check (choice in ('agree', 'disagree', 'other')),
    other_text text,
    comment text,
    entered_by blob references user_account (id),
    answered_at text not null,
    check (choice <> 'other' or (other_text is not null and length(trim(other_text)) > 0))
);
create index ballot_answer_member on ballot_answer (ballot_id, user_id, answered_at);

-- A document belongs to an agenda item or to a ballot (its draft documents).
create table document (
    id blob primary key,
    agenda_item_id blob references agenda_item (id) on delete cascade,
    ballot_id blob references ballot (id) on delete cascade,
    title text not null,
    position integer not null default 0,
    downloadable integer not null default 0 check (downloadable in (0, 1)),
    created_at text not null,
    updated_at text not null,
    check ((agenda_item_id is null) <> (ballot_id is null))
);
create index document_item on document (agenda_item_id);
create index document_ballot on document (ballot_id);

create table document_version (
    id blob primary key,
    document_id blob not null references document (id) on delete cascade,
    version_no integer not null,
    blob_sha256 text not null references blob (sha256),
    file_name text not null,
    page_count integer,
    text_status text not null default 'queued'
        check (text_status in ('queued', 'extracting', 'indexed', 'failed')),
    uploaded_by blob references user_account (id),
    created_at text not null,
    unique (document_id, version_no)
);

-- Server-side sessions: the cookie carries a random token, the database only its SHA-256.
create table session (
    token_sha256 text primary key,
    user_id blob not null references user_account (id),
    created_at text not null,
    last_seen_at text not null,
    expires_at text not null
);
create index session_by_user on session (user_id);

-- Small facts about this installation (e.g. that the demo data was loaded).
create table setting (
    key text primary key,
    value text not null,
    updated_at text not null
);
