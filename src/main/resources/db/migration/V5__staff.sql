-- Users of member facilities (USR-01).
create table staff_member (
    id                uuid primary key,
    facility_id       uuid        not null references facility (id),
    family_name       text        not null,
    given_name        text        not null,
    family_name_kana  text        not null,
    given_name_kana   text        not null,
    profession        varchar(30) not null check (profession in ('DOCTOR', 'DENTIST', 'PHARMACIST', 'NURSE',
                                                                 'CARE_MANAGER', 'CLERK', 'OTHER_CARE_STAFF')),
    email             text,
    status            varchar(20) not null check (status in ('APPLYING', 'ACTIVE', 'SUSPENDED', 'WITHDRAWN', 'REFUSED')),
    joined_on         date,
    withdrawn_on      date,
    suspension_reason text,
    suspended_at      timestamptz,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    check (status <> 'SUSPENDED' or suspension_reason is not null),
    check (status not in ('ACTIVE', 'SUSPENDED') or joined_on is not null)
);
create index staff_member_facility on staff_member (facility_id, status);

-- Every change of a user's state, with who and why.
create table staff_history (
    id       bigserial primary key,
    staff_id uuid        not null references staff_member (id),
    at       timestamptz not null,
    status   varchar(20) not null,
    note     text,
    actor    text        not null
);
create index staff_history_staff on staff_history (staff_id, at);

alter table filing add constraint filing_staff foreign key (staff_id) references staff_member (id);
create index filing_staff on filing (staff_id);
