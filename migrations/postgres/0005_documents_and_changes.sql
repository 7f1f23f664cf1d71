-- The text of each document version, page by page, for search; the extraction job's state.
alter table document_version add column text_claimed_at timestamptz;
alter table document_version add column text_attempts bigint not null default 0;
alter table document_version add column text_error text;

create table document_page (
    version_id uuid not null references document_version (id) on delete cascade,
    page_no bigint not null,
    -- as extracted (NFC)
    text text not null,
    -- lower-cased, accents removed, "đ" as "d": what search matches
    folded text not null,
    -- the page has marks (glyphs, images) but yielded no text: a scan, or a font without a
    -- ToUnicode map
    no_text boolean not null default false,
    primary key (version_id, page_no),
    -- PostgreSQL: full-text search over the folded text ('simple': no stemming, no stop words)
    tsv tsvector generated always as (to_tsvector('simple', folded)) stored
);
create index document_page_tsv on document_page using gin (tsv);

-- Notices can name what they are about (a meeting published, postponed, cancelled).
alter table notification add column subject_id uuid;

-- Changes to a meeting after its publication, as members are shown them.
create table meeting_change (
    id uuid primary key,
    meeting_id uuid not null references meeting (id) on delete cascade,
    at timestamptz not null,
    -- what changed: 'details', 'item_added', 'item_changed', 'items_reordered',
    -- 'document_added', 'document_version', 'state'
    kind text not null,
    -- the item or document concerned, if any
    subject_id uuid
);
create index meeting_change_by_meeting on meeting_change (meeting_id, at);
