-- The audit trail (ADR 0005): one hash chain per tenant. audit_chain holds each chain's head (the
-- last sequence and its hash), locked by every append so that a tenant's entries are numbered
-- 1, 2, 3… without gaps or forks; audit_entry holds the entries, never updated or deleted. On
-- PostgreSQL, revoke UPDATE and DELETE on both from the platform's role (docs/operations.md).
create table audit_chain (
    tenant_id     varchar(64) not null primary key references tenant (id),
    last_sequence bigint      not null,
    last_hash     varchar(64) not null
);

create sequence audit_entry_seq start with 50 increment by 50;
create table audit_entry (
    id              bigint        not null primary key,
    tenant_id       varchar(64)   not null references tenant (id),
    sequence_number bigint        not null,
    recorded_at     timestamp with time zone not null,
    actor           varchar(200)  not null,
    action          varchar(100)  not null,
    subject_type    varchar(50)   not null,
    subject_id      varchar(200)  not null,
    detail          varchar(4000) not null,
    source_address  varchar(100)  not null,
    previous_hash   varchar(64)   not null,
    entry_hash      varchar(64)   not null,
    constraint audit_entry_chain unique (tenant_id, sequence_number)
);
create index audit_entry_subject on audit_entry (tenant_id, subject_type, subject_id, sequence_number);
