-- The background verification of the audit chains (issue 12, ADR 0033): per chain, how far it was
-- last found sound (the checkpoint the next pass resumes from), when it was last walked from its
-- first entry, and whether it is broken, where and since when.
create table audit_verification (
    tenant_id         varchar(100) not null primary key,
    verified_sequence bigint       not null,
    verified_hash     varchar(64)  not null,
    checked_at        timestamp with time zone not null,
    full_walk_at      timestamp with time zone not null,
    intact            boolean      not null,
    broken_sequence   bigint,
    fault             varchar(40),
    explanation       varchar(1000),
    broken_since      timestamp with time zone
);
