-- Emergency (break-the-glass) access (emergency module, EMG-01…EMG-04).
-- An activation is the emergency button pressed with a reason, by a staff member logged in with an IC card at a
-- facility that gives emergency care: for a short time the staff member may find any participant. A grant is one
-- participant opened under an activation: for a limited time the staff member may look at that participant's
-- data, read-only, whatever the consent says. Every activation is reviewed afterwards by the operator.
-- The access decision reads the open ones through the access journal (topic EMERGENCY, keyed by the staff member).

create table emergency_activation (
    id               uuid primary key,
    staff_id         uuid         not null references staff_member (id),
    staff_name       varchar(200) not null,
    account_id       uuid         not null,
    auth_level       varchar(30)  not null check (auth_level in ('HPKI_CARD', 'USER_PKI_CARD')),
    facility_id      uuid         not null references facility (id),
    reason           varchar(30)  not null check (reason in ('UNCONSCIOUS', 'FACILITY_NOT_PERMITTED', 'OTHER')),
    reason_text      varchar(1000),
    activated_at     timestamptz  not null,
    expires_at       timestamptz  not null,
    -- set when the operator flags misuse: the activation and its grants end at once
    ended_at         timestamptz,
    review_state     varchar(20)  not null default 'PENDING'
                     check (review_state in ('PENDING', 'CONFIRMED', 'MISUSE')),
    reviewed_by      uuid,
    reviewed_by_name varchar(200),
    reviewed_at      timestamptz,
    review_note      varchar(2000),
    user_suspended   boolean      not null default false,
    check (expires_at > activated_at),
    check (reason <> 'OTHER' or reason_text is not null),
    check ((review_state = 'PENDING') = (reviewed_at is null)),
    check (review_state <> 'MISUSE' or review_note is not null)
);
create index emergency_activation_staff on emergency_activation (staff_id, expires_at);
create index emergency_activation_review on emergency_activation (review_state, activated_at);

create table emergency_grant (
    id             uuid primary key,
    activation_id  uuid        not null references emergency_activation (id),
    staff_id       uuid        not null references staff_member (id),
    participant_id uuid        not null,
    granted_at     timestamptz not null,
    expires_at     timestamptz not null,
    ended_at       timestamptz,
    check (expires_at > granted_at)
);
create index emergency_grant_staff on emergency_grant (staff_id, expires_at);
create index emergency_grant_activation on emergency_grant (activation_id);

-- the access journal names emergency access changes too
alter table access_change drop constraint access_change_topic_check;
alter table access_change add constraint access_change_topic_check
    check (topic in ('PARTICIPANT', 'FACILITY', 'STAFF', 'EMERGENCY'));
