-- Applications (届出): facility new/change/withdrawal, user add/withdrawal.
create table filing (
    id                  uuid primary key,
    kind                varchar(30) not null check (kind in ('FACILITY_NEW', 'FACILITY_CHANGE', 'FACILITY_WITHDRAWAL', 'STAFF_ADD', 'STAFF_WITHDRAWAL')),
    facility_id         uuid        not null references facility (id),
    staff_id            uuid,
    subject             text        not null,
    received_on         date        not null,
    wished_on           date        not null,
    decide_by           date        not null,
    status              varchar(20) not null check (status in ('PENDING', 'ACCEPTED', 'EFFECTIVE', 'REFUSED')),
    decided_on          date,
    decided_at          timestamptz,
    decided_by          text,
    refusal_reason      varchar(30),
    refusal_details     text,
    effective_on        date,
    took_effect_at      timestamptz,
    overdue_notified_at timestamptz,
    payload             jsonb,
    received_by         text        not null,
    created_at          timestamptz not null,
    check (status <> 'REFUSED' or (refusal_reason is not null and refusal_details is not null)),
    check (status not in ('ACCEPTED', 'EFFECTIVE') or effective_on is not null)
);
-- At most one open application of a kind for the same facility or person.
create unique index filing_one_open on filing (kind, facility_id, coalesce(staff_id, '00000000-0000-0000-0000-000000000000'))
    where status in ('PENDING', 'ACCEPTED');
create index filing_status on filing (status, decide_by);
create index filing_facility on filing (facility_id);
