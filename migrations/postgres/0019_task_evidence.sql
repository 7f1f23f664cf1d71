-- A task's evidence: the PDFs a ministry attaches to a report, kept as documents (the same
-- upload checks, storage, reader and text pipeline as a meeting's). A document now belongs
-- to exactly one of an agenda item, a ballot or a task.
alter table document add column task_id uuid references task (id);
alter table document drop constraint document_check;
alter table document add constraint document_home check (
    (agenda_item_id is not null)::int + (ballot_id is not null)::int
        + (task_id is not null)::int = 1
);
create index document_task on document (task_id);

-- Which documents a report carried: written with the report, never changed.
create table task_attachment (
    event_id uuid not null references task_event (id),
    document_id uuid not null unique references document (id),
    primary key (event_id, document_id)
);
create trigger task_attachment_no_change before update or delete on task_attachment
    for each row execute function task_event_append_only();

-- The secretariat's weekly digest of overdue tasks, claimed once a week across nodes
-- (`week`: the ISO week, e.g. '2026-W50').
create table task_digest (
    week text primary key,
    overdue bigint not null,
    created_at timestamptz not null
);
