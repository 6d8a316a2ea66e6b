-- Participants (参加者, PAR-01…PAR-05) and their consent (CON-01…CON-09).

create table participant (
    id                 uuid primary key,
    card_number        varchar(12) not null,
    family_name        text        not null,
    given_name         text        not null,
    family_name_kana   text        not null,
    given_name_kana    text        not null,
    birth_date         date        not null,
    sex                varchar(10) not null check (sex in ('MALE', 'FEMALE', 'OTHER', 'UNKNOWN')),
    phone              text        not null,
    postal_code        text,
    address            text,
    participating      boolean     not null,
    joined_on          date        not null,
    withdrawn_on       date,
    deletion_requested boolean     not null default false,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    check (participating or withdrawn_on is not null)
);
create unique index participant_card_number on participant (card_number);
create index participant_identity on participant (family_name_kana, given_name_kana, birth_date);
create index participant_name on participant (family_name, given_name, birth_date);

-- Every card number ever issued (PAR-03); a re-issue invalidates the previous one.
create table participant_card (
    card_number    varchar(12) primary key,
    participant_id uuid        not null references participant (id),
    issued_at      timestamptz not null,
    invalidated_at timestamptz,
    reason         text
);
create index participant_card_participant on participant_card (participant_id);

-- The master patient index (PAR-05) and the registered consent per facility (CON-02, CON-03).
create table participant_facility (
    participant_id uuid        not null references participant (id),
    facility_id    uuid        not null references facility (id),
    patient_number text,
    permitted      boolean     not null,
    denied         boolean     not null,
    since          timestamptz not null,
    primary key (participant_id, facility_id)
);
create unique index participant_facility_number on participant_facility (facility_id, patient_number)
    where patient_number is not null;
create index participant_facility_facility on participant_facility (facility_id) where permitted and not denied;

-- The paper forms as records: entered at a facility (or by the support centre from a fax), registered or
-- rejected by the operator.
create table consent_form (
    id                    uuid primary key,
    kind                  varchar(20) not null check (kind in ('NEW', 'ADD', 'CHANGE', 'WITHDRAWAL', 'CARD_REISSUE')),
    status                varchar(20) not null check (status in ('PENDING', 'REGISTERED', 'REJECTED')),
    participant_id        uuid references participant (id),
    card_number           varchar(12),
    receiving_facility_id uuid        not null references facility (id),
    explained_by          text        not null,
    signer                varchar(20) not null check (signer in ('PATIENT', 'GUARDIAN', 'FAMILY', 'RELATIVE')),
    signer_name           text        not null,
    signer_relationship   text,
    identity_document     text,
    co_signer_name        text,
    family_name           text,
    given_name            text,
    family_name_kana      text,
    given_name_kana       text,
    birth_date            date,
    sex                   varchar(10),
    phone                 text,
    postal_code           text,
    address               text,
    deletion_requested    boolean     not null default false,
    received_on           date        not null,
    due_on                date        not null,
    entered_via           varchar(10) not null check (entered_via in ('FACILITY', 'FAX')),
    entered_by            text        not null,
    entered_at            timestamptz not null,
    decided_by            text,
    decided_at            timestamptz,
    rejection_reason      text,
    issued_card_number    varchar(12),
    late_notified_at      timestamptz,
    check (status = 'PENDING' or (decided_by is not null and decided_at is not null)),
    check (status <> 'REJECTED' or rejection_reason is not null),
    check (status <> 'REGISTERED' or participant_id is not null)
);
create index consent_form_pending on consent_form (due_on) where status = 'PENDING';
create index consent_form_participant on consent_form (participant_id);
create index consent_form_receiving on consent_form (receiving_facility_id, entered_at);

-- The facilities a form lists: permitted (new, add), "do not share" or shared again (change).
create table consent_form_facility (
    form_id        uuid        not null references consent_form (id),
    position       int         not null,
    facility_id    uuid        not null references facility (id),
    patient_number text,
    listing        varchar(10) not null check (listing in ('PERMIT', 'DENY', 'LIFT')),
    primary key (form_id, position),
    unique (form_id, facility_id)
);

-- The optional scanned image of the paper form.
create table consent_form_scan (
    form_id      uuid primary key references consent_form (id),
    content_type text        not null,
    sha256       varchar(64) not null,
    content      bytea       not null
);

-- Every registered consent state, with the form that made it (CON-09): the state on any past day is the
-- newest row at or before it.
create table consent_history (
    id             bigserial primary key,
    participant_id uuid        not null references participant (id),
    at             timestamptz not null,
    form_id        uuid        not null references consent_form (id),
    participating  boolean     not null,
    permitted      uuid[]      not null,
    denied         uuid[]      not null,
    card_number    varchar(12) not null,
    registered_by  text        not null
);
create index consent_history_participant on consent_history (participant_id, at);
