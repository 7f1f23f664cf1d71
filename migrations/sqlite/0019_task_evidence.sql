-- A task's evidence: the PDFs a ministry attaches to a report, kept as documents (the same
-- upload checks, storage, reader and text pipeline as a meeting's). A document now belongs
-- to exactly one of an agenda item, a ballot or a task.
--
-- SQLite cannot change a check constraint: document is rebuilt, the documented way (the
-- server migrates with foreign keys off, and checks them after).
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
    check ((agenda_item_id is not null) + (ballot_id is not null) + (task_id is not null) = 1)
);
insert into document_new (id, agenda_item_id, ballot_id, title, position, downloadable,
                          created_at, updated_at, title_terms)
    select id, agenda_item_id, ballot_id, title, position, downloadable, created_at,
           updated_at, title_terms
    from document;
drop table document;
alter table document_new rename to document;
create index document_item on document (agenda_item_id);
create index document_ballot on document (ballot_id);
create index document_task on document (task_id);

-- Which documents a report carried: written with the report, never changed.
create table task_attachment (
    event_id blob not null references task_event (id),
    document_id blob not null unique references document (id),
    primary key (event_id, document_id)
);
create trigger task_attachment_no_update before update on task_attachment begin
    select raise(abort, 'task history is append-only');
end;
create trigger task_attachment_no_delete before delete on task_attachment begin
    select raise(abort, 'task history is append-only');
end;

-- The secretariat's weekly digest of overdue tasks, claimed once a week across nodes
-- (`week`: the ISO week, e.g. '2026-W50').
create table task_digest (
    week text primary key,
    overdue integer not null,
    created_at text not null
);
