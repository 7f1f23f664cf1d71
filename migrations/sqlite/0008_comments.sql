-- Threaded comments on agenda items and their documents. Visible to whoever may see the item,
-- or, when marked, only to the secretariat (and the author). Edits keep the earlier text.
create table comment (
    id blob primary key,
    agenda_item_id blob not null references agenda_item (id) on delete cascade,
    -- a comment on one of the item's documents (else on the item itself)
    document_id blob references document (id) on delete cascade,
    -- the comment this one answers
    parent_id blob references comment (id) on delete cascade,
    author_id blob not null references user_account (id),
    secretariat_only integer not null default 0 check (secretariat_only in (0, 1)),
    body text not null,
    created_at text not null,
    updated_at text not null
);
create index comment_by_item on comment (agenda_item_id, created_at);

-- The text a comment had before each edit.
create table comment_revision (
    comment_id blob not null references comment (id) on delete cascade,
    body text not null,
    replaced_at text not null
);
create index comment_revision_by_comment on comment_revision (comment_id, replaced_at);
