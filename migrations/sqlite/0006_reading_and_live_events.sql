-- Live events, kept so that a reconnecting page resumes with Last-Event-ID and misses nothing.
-- Rows older than a day are pruned (a page away longer re-reads everything anyway).
create table live_event (
    id integer primary key autoincrement,
    at text not null,
    -- the event as JSON (app::live::event::LiveEvent)
    payload text not null
);
create index live_event_at on live_event (at);

-- Where each reader is in each document version (opened = a row exists).
create table reading (
    user_id blob not null references user_account (id),
    version_id blob not null references document_version (id) on delete cascade,
    last_page integer not null,
    opened_at text not null,
    updated_at text not null,
    primary key (user_id, version_id)
);
create index reading_by_version on reading (version_id);

-- Every page each reader has had on screen: reading progress is pages viewed ÷ pages.
create table page_view (
    user_id blob not null references user_account (id),
    version_id blob not null references document_version (id) on delete cascade,
    page_no integer not null,
    first_at text not null,
    primary key (user_id, version_id, page_no)
);

-- Private notes on a page of a document version: only their author ever reads them.
create table note (
    id blob primary key,
    user_id blob not null references user_account (id),
    version_id blob not null references document_version (id) on delete cascade,
    page_no integer not null,
    body text not null,
    created_at text not null,
    updated_at text not null
);
create index note_by_author on note (user_id, version_id, page_no);

-- E-mail copies of notices (when SMTP is configured): sent once, by whichever node claims
-- them first; a claim older than five minutes is retaken; five attempts at most.
alter table notification add column email_claimed_at text;
alter table notification add column email_sent_at text;
alter table notification add column email_attempts integer not null default 0;
