-- IC-card certificates registered to users (USR-02): HPKI cards (医師資格証, 薬剤師資格証) and the network's own
-- user PKI cards. A certificate logs in only as the user it is registered to.
create table card_certificate (
    id                 uuid primary key,
    staff_id           uuid        not null references staff_member (id),
    kind               varchar(20) not null check (kind in ('HPKI_CARD', 'USER_PKI_CARD')),
    issuer_dn          text        not null,
    serial_number      text        not null,   -- lower-case hexadecimal, no leading zeros
    subject_dn         text        not null,
    fingerprint_sha256 char(64)    not null unique,
    not_before         timestamptz not null,
    not_after          timestamptz not null,
    certificate        bytea       not null,   -- DER
    registered_at      timestamptz not null,
    registered_by      text        not null,
    revoked_at         timestamptz,
    revocation_reason  varchar(40),
    unique (issuer_dn, serial_number),
    check (revoked_at is null or revocation_reason is not null)
);
create index card_certificate_staff on card_certificate (staff_id);
