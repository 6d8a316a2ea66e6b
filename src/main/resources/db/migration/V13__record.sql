-- Shared records (共有情報, DOC-01…DOC-06): every stored FHIR resource about a participant, with its versions.

create table record (
    id                  uuid primary key,
    resource_type       varchar(40) not null,
    category            varchar(30) not null check (category in ('REFERRAL_LETTER', 'DISCHARGE_SUMMARY', 'LAB_RESULT',
                            'PRESCRIPTION', 'DISPENSING', 'DIAGNOSIS', 'ALLERGY', 'CARE_NOTE', 'ATTACHMENT', 'BINARY')),
    participant_id      uuid        not null references participant (id),
    author_facility_id  uuid        not null references facility (id),
    author_staff_id     uuid        not null references staff_member (id),
    version             int         not null check (version > 0),
    status              varchar(20) not null check (status in ('CURRENT', 'ENTERED_IN_ERROR')),
    effective_at        timestamptz,
    code_system         text,
    code                text,
    display             text,
    original            boolean     not null default false,
    signature_id        uuid,
    attachment_sha256   varchar(64),
    content             text        not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    check (not original or signature_id is not null)
);
create index record_participant on record (participant_id, effective_at desc, id);
create index record_participant_category on record (participant_id, category, effective_at desc);
create index record_participant_code on record (participant_id, code_system, code, effective_at);
create index record_participant_updated on record (participant_id, updated_at);

-- Every version of every record (FHIR _history); the newest equals the record row.
create table record_version (
    record_id  uuid        not null references record (id),
    version    int         not null,
    status     varchar(20) not null,
    content    text        not null,
    stored_at  timestamptz not null,
    stored_by  uuid        not null references staff_member (id),
    facility_id uuid       not null references facility (id),
    primary key (record_id, version)
);

-- Attachments, content-addressed by SHA-256; the bytes live in the attachment store (a folder by default).
create table attachment (
    sha256       varchar(64) primary key,
    size         bigint      not null check (size >= 0),
    content_type text        not null,
    created_at   timestamptz not null
);
alter table record add constraint record_attachment foreign key (attachment_sha256) references attachment (sha256);

-- When each user last looked at each participant's records (DOC-06: "new since you last looked").
create table record_look (
    staff_id       uuid        not null references staff_member (id),
    participant_id uuid        not null references participant (id),
    looked_at      timestamptz not null,
    primary key (staff_id, participant_id)
);

-- Every print and export (DOC-05), with its purpose.
create table record_release (
    id             uuid primary key,
    kind           varchar(10) not null check (kind in ('PRINT', 'EXPORT')),
    purpose        varchar(30) not null,
    participant_id uuid        not null references participant (id),
    record_ids     uuid[]      not null,
    staff_id       uuid        not null references staff_member (id),
    facility_id    uuid        not null references facility (id),
    at             timestamptz not null
);
create index record_release_participant on record_release (participant_id, at);
