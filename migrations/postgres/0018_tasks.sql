-- Follow-up: the tasks (nhiệm vụ) that conclusions, ballots and resolutions assign to
-- ministries, their append-only history, and a new role, the ministry officer (cán bộ đầu
-- mối), bound to one ministry through an appointment like everyone else.
alter table user_account drop constraint user_account_role_check,
    add constraint user_account_role_check
        check (role in ('member', 'guest', 'secretariat', 'admin', 'officer'));

-- A task: its text, where it came from, the lead ministry, and a deadline (a day in the
-- Government's time zone) or, for a regular task, a reporting cycle. `first_deadline` is
-- the deadline as assigned, kept for the record; `deadline` is the one in force (moved only
-- by a granted extension). `done_on`: the day of the completion report that was accepted.
create table task (
    id uuid primary key,
    text text not null,
    source text not null check (source in ('conclusion', 'ballot', 'resolution', 'manual')),
    agenda_item_id uuid references agenda_item (id),
    ballot_id uuid references ballot (id),
    resolution_no text,
    lead_ministry_id uuid not null references ministry (id),
    responsible_id uuid references user_account (id),
    first_deadline date,
    deadline date,
    cycle text check (cycle in ('monthly', 'quarterly', 'yearly')),
    state text not null default 'assigned'
        check (state in ('assigned', 'completion_reported', 'done')),
    done_on date,
    assigned_by uuid references user_account (id),
    created_at timestamptz not null,
    updated_at timestamptz not null,
    check ((deadline is null) = (cycle is not null))
);
create index task_lead on task (lead_ministry_id);
create index task_item on task (agenda_item_id);

create table task_coordinator (
    task_id uuid not null references task (id),
    ministry_id uuid not null references ministry (id),
    primary key (task_id, ministry_id)
);
create index task_coordinator_ministry on task_coordinator (ministry_id);

-- What happened to a task, in order; never changed or deleted. `deadline`: the day asked
-- for or granted; `percent`: a progress report's.
create table task_event (
    id uuid primary key,
    task_id uuid not null references task (id),
    kind text not null check (kind in ('assigned', 'progress', 'contribution', 'completion',
        'accepted', 'returned', 'extension_asked', 'extension_granted', 'extension_refused',
        'imported')),
    actor_id uuid references user_account (id),
    ministry_id uuid references ministry (id),
    body text not null default '',
    percent bigint check (percent between 0 and 100),
    deadline date,
    created_at timestamptz not null
);
create index task_event_task on task_event (task_id, created_at);
create function task_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'task history is append-only';
end;
$$;
create trigger task_event_no_change before update or delete on task_event
    for each row execute function task_event_append_only();

-- Notices sent about a deadline, claimed once across nodes: (task, deadline, days before it;
-- -1 for "overdue").
create table task_reminder (
    task_id uuid not null references task (id),
    deadline date not null,
    days_before bigint not null,
    created_at timestamptz not null,
    primary key (task_id, deadline, days_before)
);
