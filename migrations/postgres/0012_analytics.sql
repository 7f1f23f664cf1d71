-- Measuring what e-Cabinet saves. Meetings held before it (on paper) are imported from CSV
-- and give the baseline: minutes per agenda item, per kind of meeting. Settings (cost per
-- printed page, baseline overrides) live in `setting`.
create table historical_meeting (
    id uuid primary key,
    held_on date not null,
    kind text not null check (kind in ('regular', 'thematic', 'extraordinary')),
    duration_minutes bigint not null check (duration_minutes > 0),
    item_count bigint not null check (item_count > 0),
    imported_by uuid references user_account (id),
    imported_at timestamptz not null
);
create index historical_meeting_kind on historical_meeting (kind, held_on);
