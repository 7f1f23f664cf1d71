-- Running the meeting: the actual times of the meeting (actual_start_at / actual_end_at exist
-- since 0001) and of each item, pauses, attendance, the speaker queue and each item's
-- conclusion. Times are the server's clock, in UTC.
alter table meeting add column current_item_id uuid references agenda_item (id);

alter table agenda_item add column started_at timestamptz;
alter table agenda_item add column ended_at timestamptz;
-- true when adopted without discussion in the consent block
alter table agenda_item add column consent boolean not null default false;
-- the item's conclusion (kết luận), as recorded in the meeting
alter table agenda_item add column conclusion text;
alter table agenda_item add column concluded_at timestamptz;

-- A pause of the whole meeting; clocks (meeting, item, speaker) do not run during one.
create table meeting_pause (
    meeting_id uuid not null references meeting (id) on delete cascade,
    started_at timestamptz not null,
    ended_at timestamptz,
    primary key (meeting_id, started_at)
);

-- Who attends, recorded by the chair or the secretariat. A deputy may speak for the member
-- but does not vote and does not count towards the quorum.
create table attendance (
    meeting_id uuid not null references meeting (id) on delete cascade,
    user_id uuid not null references user_account (id),
    status text not null check (status in ('present', 'remote', 'absent', 'deputy')),
    -- why absent
    reason text,
    -- who represents the member
    deputy_name text,
    recorded_by uuid references user_account (id),
    recorded_at timestamptz not null,
    primary key (meeting_id, user_id),
    check (status <> 'absent' or length(reason) > 0),
    check (status <> 'deputy' or length(deputy_name) > 0)
);

-- A request to speak on an item and, once given the floor, the time spoken.
create table speech (
    id uuid primary key,
    agenda_item_id uuid not null references agenda_item (id) on delete cascade,
    user_id uuid not null references user_account (id),
    requested_at timestamptz not null,
    withdrawn_at timestamptz,
    started_at timestamptz,
    ended_at timestamptz
);
create index speech_item on speech (agenda_item_id, requested_at);
