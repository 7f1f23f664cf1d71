-- The text of each document version, page by page, for search; the extraction job's state.
alter table document_version add column text_claimed_at text;
alter table document_version add column text_attempts integer not null default 0;
alter table document_version add column text_error text;

create table document_page (
    version_id blob not null references document_version (id) on delete cascade,
    page_no integer not null,
    -- as extracted (NFC)
    text text not null,
    -- lower-cased, accents removed, "đ" as "d": what search matches
    folded text not null,
    -- the page has marks (glyphs, images) but yielded no text: a scan, or a font without a
    -- ToUnicode map
    no_text integer not null default 0 check (no_text in (0, 1)),
    primary key (version_id, page_no)
);

-- SQLite: FTS5 over the folded text, kept in step with document_page by triggers.
create virtual table document_page_fts using fts5 (
    folded,
    content = 'document_page',
    content_rowid = 'rowid',
    tokenize = 'unicode61'
);
create trigger document_page_fts_insert after insert on document_page begin
    insert into document_page_fts (rowid, folded) values (new.rowid, new.folded);
end;
create trigger document_page_fts_delete after delete on document_page begin
    insert into document_page_fts (document_page_fts, rowid, folded)
    values ('delete', old.rowid, old.folded);
end;

-- Notices can name what they are about (a meeting published, postponed, cancelled).
alter table notification add column subject_id blob;

-- Changes to a meeting after its publication, as members are shown them.
create table meeting_change (
    id blob primary key,
    meeting_id blob not null references meeting (id) on delete cascade,
    at text not null,
    -- what changed: 'details', 'item_added', 'item_changed', 'items_reordered',
    -- 'document_added', 'document_version', 'state'
    kind text not null,
    -- the item or document concerned, if any
    subject_id blob
);
create index meeting_change_by_meeting on meeting_change (meeting_id, at);
