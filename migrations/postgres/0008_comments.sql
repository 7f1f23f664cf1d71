-- Threaded comments on agenda items and their documents. Visible to whoever may see the item,
-- or, when marked, only to the secretariat (and the author). Edits keep the earlier text.
create table comment (
    id uuid primary key,
    agenda_item_id uuid not null references agenda_item (id) on delete cascade,
    -- a comment on one of the item's documents (else on the item itself)
    document_id uuid references document (id) on delete cascade,
    -- the comment this one answers
    parent_id uuid references comment (id) on delete cascade,
    author_id uuid not null references user_account (id),
    secretariat_only boolean not null default false,
    body text not null,
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create index comment_by_item on comment (agenda_item_id, created_at);

-- The text a comment had before each edit.
create table comment_revision (
    comment_id uuid not null references comment (id) on delete cascade,
    body text not null,
    replaced_at timestamptz not null
);
create index comment_revision_by_comment on comment_revision (comment_id, replaced_at);
