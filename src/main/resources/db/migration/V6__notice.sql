-- In-app notices to a facility's contact persons.
create table notice (
    id          uuid primary key,
    facility_id uuid        not null references facility (id),
    kind        varchar(40) not null,
    subject     text        not null,
    body        text        not null,
    recipients  text        not null,
    sent_at     timestamptz not null,
    read_at     timestamptz,
    read_by     text
);
create index notice_facility on notice (facility_id, sent_at);
