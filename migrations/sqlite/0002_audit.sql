-- The audit trail: append-only, each record carrying the hash of the previous one.
-- Ids and event types only, never meeting content.
create table audit_event (
    seq integer primary key,
    at text not null,
    actor_id blob,
    event text not null,
    subject_id blob,
    prev_hash text not null,
    hash text not null unique
);
