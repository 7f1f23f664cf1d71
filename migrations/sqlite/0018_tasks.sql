-- Follow-up: the tasks (nhiệm vụ) that conclusions, ballots and resolutions assign to
-- ministries, their append-only history, and a new role, the ministry officer (cán bộ đầu
-- mối), bound to one ministry through an appointment like everyone else.
--
-- SQLite cannot change a check constraint: user_account is rebuilt with 'officer' allowed,
-- the documented way (the server migrates with foreign keys off, and checks them after).
create table user_account_new (
    id blob primary key,
    full_name text not null,
    email text not null unique,
    phone text,
    role text not null check (role in ('member', 'guest', 'secretariat', 'admin', 'officer')),
    active integer not null default 1 check (active in (0, 1)),
    created_at text not null,
    updated_at text not null,
    deactivated_at text,
    created_by blob references user_account (id)
);
insert into user_account_new
    select id, full_name, email, phone, role, active, created_at, updated_at, deactivated_at,
           created_by
    from user_account;
drop table user_account;
alter table user_account_new rename to user_account;

-- A task: its text, where it came from, the lead ministry, and a deadline (a day in the
-- Government's time zone) or, for a regular task, a reporting cycle. `first_deadline` is
-- the deadline as assigned, kept for the record; `deadline` is the one in force (moved only
-- by a granted extension). `done_on`: the day of the completion report that was accepted.
create table task (
    id blob primary key,
    text text not null,
    source text not null check (source in ('conclusion', 'ballot', 'resolution', 'manual')),
    agenda_item_id blob references agenda_item (id),
    ballot_id blob references ballot (id),
    resolution_no text,
    lead_ministry_id blob not null references ministry (id),
    responsible_id blob references user_account (id),
    first_deadline text,
    deadline text,
    cycle text check (cycle in ('monthly', 'quarterly', 'yearly')),
    state text not null default 'assigned'
        check (state in ('assigned', 'completion_reported', 'done')),
    done_on text,
    assigned_by blob references user_account (id),
    created_at text not null,
    updated_at text not null,
    check ((deadline is null) = (cycle is not null))
);
create index task_lead on task (lead_ministry_id);
create index task_item on task (agenda_item_id);

create table task_coordinator (
    task_id blob not null references task (id),
    ministry_id blob not null references ministry (id),
    primary key (task_id, ministry_id)
);
create index task_coordinator_ministry on task_coordinator (ministry_id);

-- What happened to a task, in order; never changed or deleted. `deadline`: the day asked
-- for or granted; `percent`: a progress report's.
create table task_event (
    id blob primary key,
    task_id blob not null references task (id),
    kind text not null check (kind in ('assigned', 'progress', 'contribution', 'completion',
        'accepted', 'returned', 'extension_asked', 'extension_granted', 'extension_refused',
        'imported')),
    actor_id blob references user_account (id),
    ministry_id blob references ministry (id),
    body text not null default '',
    percent integer check (percent between 0 and 100),
    deadline text,
    created_at text not null
);
create index task_event_task on task_event (task_id, created_at);
create trigger task_event_no_update before update on task_event begin
    select raise(abort, 'task history is append-only');
end;
create trigger task_event_no_delete before delete on task_event begin
    select raise(abort, 'task history is append-only');
end;

-- Notices sent about a deadline, claimed once across nodes: (task, deadline, days before it;
-- -1 for "overdue").
create table task_reminder (
    task_id blob not null references task (id),
    deadline text not null,
    days_before integer not null,
    created_at text not null,
    primary key (task_id, deadline, days_before)
);
