-- Member facilities (FAC-01…FAC-07).
create table facility (
    id                uuid primary key,
    kind              varchar(40) not null,
    code              varchar(10) not null,
    name              text        not null,
    name_kana         text,
    postal_code       varchar(8)  not null,
    address           text        not null,
    phone             varchar(20) not null,
    status            varchar(20) not null check (status in ('APPLYING', 'ACTIVE', 'SUSPENDED', 'WITHDRAWN', 'REFUSED')),
    joined_on         date,
    withdrawn_on      date,
    suspension_reason text,
    suspended_at      timestamptz,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    check (status <> 'SUSPENDED' or suspension_reason is not null)
);
-- One live registration per code; a refused or withdrawn facility may apply again.
create unique index facility_live_code on facility (code) where status in ('APPLYING', 'ACTIVE', 'SUSPENDED');

-- The people a facility names (FAC-03).
create table facility_person (
    facility_id uuid        not null references facility (id) on delete cascade,
    position    int         not null,
    role        varchar(20) not null check (role in ('HEAD', 'ADMINISTRATOR', 'CONTACT', 'RECEPTION')),
    name        text        not null,
    post        text,
    phone       text,
    email       text,
    primary key (facility_id, position)
);

-- Every change of a facility's state, with who and why.
create table facility_history (
    id          bigserial primary key,
    facility_id uuid        not null references facility (id),
    at          timestamptz not null,
    status      varchar(20) not null,
    note        text,
    actor       text        not null
);
create index facility_history_facility on facility_history (facility_id, at);

alter table login_account add constraint login_account_facility foreign key (facility_id) references facility (id);
