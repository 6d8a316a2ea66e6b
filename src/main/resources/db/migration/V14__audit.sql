-- The audit trail (audit module, AUD-01, AUD-03): one hash chain of events, sealed at intervals by signed,
-- timestamped checkpoints. Each event's hash covers its content and the previous event's hash; audit_head holds
-- the chain's end and its row lock orders appends from every node. Events and checkpoints are never changed or
-- removed: a trigger refuses it to everybody, and the application's role is not granted it (see V14_1).

create table audit_event (
    seq             bigint primary key check (seq > 0),
    id              uuid         not null unique,
    at              timestamptz  not null,
    action          varchar(30)  not null,
    outcome         varchar(10)  not null,
    purpose         varchar(20)  not null,
    account_id      uuid,
    username        varchar(200),
    actor_name      varchar(200),
    auth_level      varchar(30),
    facility_id     uuid,
    staff_id        uuid,
    participant_id  uuid,
    resource_type   varchar(60),
    resource_id     varchar(200),
    detail          varchar(2000),
    client_address  varchar(100),
    device          varchar(200),
    request_id      varchar(100),
    prev_hash       bytea        not null,
    hash            bytea        not null
);
create index audit_event_hash on audit_event (hash);
create index audit_event_at on audit_event (at);
create index audit_event_participant on audit_event (participant_id, at) where participant_id is not null;
create index audit_event_facility on audit_event (facility_id, at) where facility_id is not null;
create index audit_event_staff on audit_event (staff_id, at) where staff_id is not null;

-- The end of the chain: the last event's seq and hash (0 and 32 zero bytes before the first).
create table audit_head (
    id    boolean primary key default true check (id),
    seq   bigint not null check (seq >= 0),
    hash  bytea  not null
);
insert into audit_head (id, seq, hash) values (true, 0, decode(repeat('00', 32), 'hex'));

-- A checkpoint seals the chain up to seq: its hash there, signed (CMS, the server's audit key) and timestamped
-- (an RFC 3161 token over the signature).
create table audit_checkpoint (
    seq              bigint primary key check (seq > 0),
    hash             bytea       not null,
    at               timestamptz not null,
    signature        bytea       not null,
    timestamp_token  bytea       not null
);

create function audit_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_refuse_change();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_refuse_change();
create trigger audit_checkpoint_append_only before update or delete on audit_checkpoint
    for each row execute function audit_refuse_change();
create trigger audit_checkpoint_no_truncate before truncate on audit_checkpoint
    for each statement execute function audit_refuse_change();
