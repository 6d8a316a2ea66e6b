-- The journal of the access view (access module): every committed change that access decisions depend on.
-- A change counts access_version up in its own transaction, just before it commits (the row lock orders the
-- commits, so versions are gapless and visible in order), and names what changed in access_change. Every node
-- reads the version before deciding and reloads what changed since its own.

create table access_version (
    id      boolean primary key default true check (id),
    version bigint  not null check (version >= 0)
);
insert into access_version (id, version) values (true, 0);

create table access_change (
    version bigint primary key,
    topic   varchar(20) not null check (topic in ('PARTICIPANT', 'FACILITY', 'STAFF')),
    key     uuid        not null,
    at      timestamptz not null
);
create index access_change_at on access_change (at);
