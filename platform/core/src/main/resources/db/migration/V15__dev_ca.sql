-- The development certification authority (issue 10, item 4; ADR 0018): the certificates it issued
-- and their revocations, so that its CRL and OCSP answers survive a restart. Its keys are not here:
-- they live in a PKCS#12 file under the data directory. Demo and tests only; a production platform
-- never writes to this table (its trust anchors, CRL, OCSP and TSA are configured, not generated).
create table dev_ca_certificate (
    serial_number     varchar(64)              primary key,
    issuer            varchar(1000)            not null,
    subject           varchar(1000)            not null,
    certificate       bytea                    not null,
    issued_at         timestamp with time zone not null,
    not_after         timestamp with time zone not null,
    revoked_at        timestamp with time zone,
    revocation_reason integer
);

create index dev_ca_certificate_revoked on dev_ca_certificate (issuer, revoked_at);
