-- The network's own certificate authority for user PKI cards (利用者カード, USR-02). One current CA, shared by
-- every node: its certificate and its private key, encrypted (PKCS#8 EncryptedPrivateKeyInfo, PBES2 with
-- AES-256) under the passphrase in the configuration (renkei.ca.key-passphrase), never in the clear.
create table network_ca (
    id          uuid primary key,
    subject_dn  text        not null,
    certificate bytea       not null,   -- DER
    private_key bytea       not null,   -- encrypted PKCS#8, DER
    created_at  timestamptz not null,
    current     boolean     not null default true
);
-- Two nodes starting together create one CA: the second insert fails and that node loads the first.
create unique index network_ca_one_current on network_ca (current) where current;

-- Every revocation list the CA published; the newest is served. Numbers increase per CA (RFC 5280 cRLNumber).
create table network_ca_crl (
    ca_id       uuid        not null references network_ca (id),
    crl_number  bigint      not null check (crl_number > 0),
    this_update timestamptz not null,
    next_update timestamptz not null,
    crl         bytea       not null,   -- DER
    primary key (ca_id, crl_number),
    check (next_update > this_update)
);

-- Who revoked a card certificate (the operator, or "system" when a user was withdrawn).
alter table card_certificate add column revoked_by text;

-- A facility administrator's request for a user's network card (new, or re-issue of a lost or broken one),
-- decided by the operator: issued (with the certificate) or refused (with a reason). USR-07.
create table card_request (
    id             uuid primary key,
    staff_id       uuid        not null references staff_member (id),
    facility_id    uuid        not null references facility (id),
    reason         varchar(20) not null check (reason in ('NEW', 'LOST', 'BROKEN')),
    note           text,
    status         varchar(20) not null check (status in ('REQUESTED', 'ISSUED', 'REFUSED')),
    requested_at   timestamptz not null,
    requested_by   text        not null,
    decided_at     timestamptz,
    decided_by     text,
    refusal_reason text,
    certificate_id uuid references card_certificate (id),
    check (status = 'REQUESTED' or (decided_at is not null and decided_by is not null)),
    check (status <> 'ISSUED' or certificate_id is not null),
    check (status <> 'REFUSED' or refusal_reason is not null)
);
-- One open request per user.
create unique index card_request_one_open on card_request (staff_id) where status = 'REQUESTED';
create index card_request_status on card_request (status, requested_at);
create index card_request_facility on card_request (facility_id, requested_at);
