-- Issue 10, item 3 (ADR 0022): a signatory delegates signing power to an interim signatory of the
-- same tenant for a period (the gap after elections, an absence). Tenant-owned (tenant_id is
-- EclipseLink's tenant discriminator). The interim signs with their own key "par délégation":
-- the reference, the delegator's name and title are printed on the signed document.
create sequence mandate_seq start with 50 increment by 50;
create table mandate (
    id           bigint       not null primary key,
    tenant_id    varchar(64)  not null references tenant (id),
    reference    varchar(40)  not null,
    delegator_id bigint       not null references signatory (id),
    interim_id   bigint       not null references signatory (id),
    valid_from   timestamp with time zone not null,
    valid_until  timestamp with time zone not null,
    reason       varchar(32)  not null,
    note         varchar(500),
    granted_by   varchar(100) not null,
    granted_at   timestamp with time zone not null,
    ended_at     timestamp with time zone,
    ended_by     varchar(100),
    end_reason   varchar(500),
    version      bigint       not null,
    check (valid_until > valid_from),
    check (delegator_id <> interim_id)
);
create unique index mandate_reference on mandate (tenant_id, reference);
create index mandate_interim on mandate (tenant_id, interim_id);
