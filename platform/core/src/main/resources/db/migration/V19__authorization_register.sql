-- Issue 10 (delivery, ADR 0021): the register of the authorizations delivered. One row per signed
-- document: its public id (the tenant's id, a dash, a random UUID: the tenant is read from the id,
-- as public tracking reads it from the reference), the dossier, what it states (the content hash
-- printed in its QR code) and the signed PDF's own SHA-256 (its key in the content store), who
-- signed it with which key, and its status: VALID, REVOKED (when, why, by whom) or SUPERSEDED (by
-- which document). Rows are never deleted.
create table authorization_document (
    id                  varchar(120)   not null primary key,
    tenant_id           varchar(64)    not null references tenant (id),
    dossier_id          varchar(36)    not null references dossier (id),
    reference           varchar(64)    not null,
    procedure_id        varchar(100)   not null,
    procedure_version   varchar(50)    not null,
    content_sha256      varchar(64)    not null,
    file_sha256         varchar(64)    not null,
    file_size           bigint         not null,
    signatory_id        bigint         not null,
    signatory_name      varchar(200)   not null,
    signature_key_id    bigint         not null,
    signed_by           varchar(100)   not null,
    signed_at           timestamp with time zone not null,
    pades_level         varchar(8)     not null,
    mandate             varchar(1000),
    status              varchar(16)    not null,
    revoked_at          timestamp with time zone,
    revocation_reason   varchar(1000),
    revoked_by          varchar(100),
    superseded_by       varchar(120),
    version             bigint         not null
);
create index authorization_document_dossier on authorization_document (tenant_id, dossier_id);
create index authorization_document_file on authorization_document (tenant_id, file_sha256);
