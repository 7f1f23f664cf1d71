-- The audit trail: append-only, each record carrying the hash of the previous one.
-- Ids and event types only, never meeting content.
create table audit_event (
    seq bigint primary key,
    at timestamptz not null,
    actor_id uuid,
    event text not null,
    subject_id uuid,
    prev_hash text not null,
    hash text not null unique
);
