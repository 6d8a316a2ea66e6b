-- Incidents (incident module, AUD-05, USR-07, DEV-03): lost devices and cards, anomalies and suspected misuse,
-- reported by a facility and tracked by the operator: reported → investigating → closed, every step with its
-- note, who and when.

create table incident (
    id                uuid primary key,
    facility_id       uuid         not null references facility (id),
    kind              varchar(30)  not null check (kind in ('LOST_DEVICE', 'LOST_CARD', 'ANOMALY',
                                                            'SUSPECTED_MISUSE', 'OTHER')),
    noticed_at        timestamptz  not null,
    description       varchar(4000) not null,
    staff_id          uuid         references staff_member (id),
    device            varchar(200),
    status            varchar(20)  not null check (status in ('REPORTED', 'INVESTIGATING', 'CLOSED')),
    user_suspended    boolean      not null default false,
    cards_revoked     integer      not null default 0,
    reported_at       timestamptz  not null,
    reported_by       varchar(300) not null,
    updated_at        timestamptz  not null
);
create index incident_open on incident (status, reported_at);
create index incident_facility on incident (facility_id, reported_at);

create table incident_step (
    id           bigserial primary key,
    incident_id  uuid         not null references incident (id),
    at           timestamptz  not null,
    status       varchar(20)  not null,
    note         varchar(4000),
    actor        varchar(300) not null
);
create index incident_step_incident on incident_step (incident_id, at);
