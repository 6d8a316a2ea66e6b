-- Password accounts of every kind: the operator's staff, facility administrators, provisional accounts
-- (仮アカウント, USR-03) and temporary accounts (臨時アカウント, USR-04); password rules (USR-05), lockout
-- (ACC-01) and the second factor (TOTP, RFC 6238).
alter table login_account drop constraint login_account_kind_check;
alter table login_account add constraint login_account_kind_check
    check (kind in ('OPERATOR', 'FACILITY_ADMINISTRATOR', 'PROVISIONAL', 'TEMPORARY'));

alter table login_account
    add column staff_id             uuid references staff_member (id),
    -- provisional: 180 days from the administrator's confirmation; temporary: 30 days, renewed once
    add column valid_until          timestamptz,
    add column password_changed_at  timestamptz,
    -- an initial password someone else has seen: changed at the first login
    add column must_change_password boolean     not null default false,
    -- wrong passwords or codes in a row since the last successful login or the last lock
    add column failed_attempts      integer     not null default 0,
    add column last_failed_at       timestamptz,
    add column locked_until         timestamptz,
    add column last_login_at        timestamptz,
    -- the TOTP secret, sealed with AES-GCM (renkei.login.totp-key); never stored in clear
    add column totp_secret          bytea,
    add column totp_enrolled_at     timestamptz,
    -- a secret shown for enrolment and not yet confirmed with a code
    add column totp_pending_secret  bytea,
    -- the last 30-second step whose code was accepted: a code is never taken twice
    add column totp_last_step       bigint,
    add column issued_reason        text,
    add column issued_by            text,
    add column renewals             integer     not null default 0,
    add column closed_at            timestamptz,
    add column closed_reason        text;

update login_account set password_changed_at = created_at;
alter table login_account alter column password_changed_at set not null;

alter table login_account add constraint login_account_staff
    check (kind in ('PROVISIONAL', 'TEMPORARY') or staff_id is null);
alter table login_account add constraint login_account_temporary
    check (kind <> 'TEMPORARY' or (staff_id is not null and valid_until is not null and issued_reason is not null));
-- a provisional account is either confirmed (its user and its validity known) or still waiting, unusable
alter table login_account add constraint login_account_provisional
    check (kind <> 'PROVISIONAL' or (staff_id is not null and valid_until is not null)
           or (staff_id is null and valid_until is null and not enabled));
alter table login_account add constraint login_account_renewals check (renewals between 0 and 1);
alter table login_account add constraint login_account_totp check (totp_enrolled_at is null or totp_secret is not null);
alter table login_account add constraint login_account_closed
    check (closed_at is null or (closed_reason is not null and not enabled));
create index login_account_staff on login_account (staff_id);
create index login_account_locked on login_account (locked_until) where locked_until is not null;

-- Every password an account had, as its hash: the last five may not be taken again (USR-05).
create table password_history (
    id            bigserial primary key,
    account_id    uuid        not null references login_account (id),
    password_hash text        not null,
    set_at        timestamptz not null
);
create index password_history_account on password_history (account_id, set_at desc);
insert into password_history (account_id, password_hash, set_at)
select id, password_hash, password_changed_at from login_account;

-- Self-registrations for a provisional account (仮アカウント, USR-03), waiting for the facility administrator.
-- The ID and password are already held by a waiting (disabled) login account.
create table provisional_registration (
    id               uuid primary key,
    facility_id      uuid        not null references facility (id),
    account_id       uuid        not null unique references login_account (id),
    username         varchar(40) not null,
    family_name      text        not null,
    given_name       text        not null,
    family_name_kana text        not null,
    given_name_kana  text        not null,
    profession       varchar(30) not null check (profession in ('DOCTOR', 'DENTIST', 'PHARMACIST', 'NURSE',
                                                                'CARE_MANAGER', 'CLERK', 'OTHER_CARE_STAFF')),
    email            text        not null,
    status           varchar(20) not null check (status in ('WAITING', 'CONFIRMED', 'REJECTED')),
    registered_at    timestamptz not null,
    decided_at       timestamptz,
    decided_by       text,
    staff_id         uuid references staff_member (id),
    check (status <> 'CONFIRMED' or staff_id is not null),
    check (status = 'WAITING' or (decided_at is not null and decided_by is not null))
);
create index provisional_registration_facility on provisional_registration (facility_id, status);
