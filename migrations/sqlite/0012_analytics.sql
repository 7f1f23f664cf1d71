-- Measuring what e-Cabinet saves. Meetings held before it (on paper) are imported from CSV
-- and give the baseline: minutes per agenda item, per kind of meeting. Settings (cost per
-- printed page, baseline overrides) live in `setting`.
create table historical_meeting (
    id blob primary key,
    held_on text not null,
    kind text not null check (kind in ('regular', 'thematic', 'extraordinary')),
    duration_minutes integer not null check (duration_minutes > 0),
    item_count integer not null check (item_count > 0),
    imported_by blob references user_account (id),
    imported_at text not null
);
create index historical_meeting_kind on historical_meeting (kind, held_on);
