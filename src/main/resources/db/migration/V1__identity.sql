-- Login accounts for password logins (the operator's staff, facility administrators).
create table login_account (
    id            uuid primary key,
    username      varchar(40)  not null unique,
    display_name  text         not null,
    password_hash text         not null,
    kind          varchar(30)  not null check (kind in ('OPERATOR', 'FACILITY_ADMINISTRATOR')),
    facility_id   uuid,
    enabled       boolean      not null default true,
    created_at    timestamptz  not null,
    check (kind = 'OPERATOR' or facility_id is not null)
);
