-- Each invited member's position on each agenda item before the meeting. No row means
-- "no objection" (the default); positions change freely until the meeting starts.
create table item_position (
    agenda_item_id uuid not null references agenda_item (id) on delete cascade,
    user_id uuid not null references user_account (id),
    stance text not null check (stance in ('no_objection', 'speak', 'object')),
    -- required when objecting
    reason text,
    updated_at timestamptz not null,
    primary key (agenda_item_id, user_id),
    check (stance <> 'object' or length(reason) > 0)
);
