-- Whether a registered card certificate is a signing certificate (key usage nonRepudiation, as HPKI signing
-- certificates are): recorded at registration, for electronic signatures (SIG-01).
alter table card_certificate add column signing boolean not null default false;
