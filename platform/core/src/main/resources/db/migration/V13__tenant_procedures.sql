-- The procedures an admin enabled or disabled for a tenant through the API. A national table,
-- like tenant itself. Each row is a choice that wins over what tenant-config/ says about that one
-- procedure, on every node, across restarts and tenant-config reloads, until an admin resets it.
create table tenant_procedure (
    tenant_id    varchar(64)  not null references tenant (id),
    procedure_id varchar(100) not null,
    enabled      boolean      not null,
    changed_by   varchar(200) not null,
    changed_at   timestamp with time zone not null,
    primary key (tenant_id, procedure_id)
);
