-- Accounts and the roles they hold, where. Identity is national: one account may hold roles in
-- several tenants. Usernames are stored lower-case.
create sequence account_seq start with 50 increment by 50;
create table account (
    id            bigint       not null primary key,
    username      varchar(100) not null unique,
    display_name  varchar(200) not null,
    password_hash varchar(255),
    enabled       boolean      not null,
    created_at    timestamp with time zone not null,
    version       bigint       not null
);

create sequence role_grant_seq start with 50 increment by 50;
create table role_grant (
    id         bigint       not null primary key,
    account_id bigint       not null references account (id),
    role       varchar(32)  not null,
    tenant_id  varchar(64)  references tenant (id),
    granted_by varchar(100) not null,
    granted_at timestamp with time zone not null
);
create index role_grant_account on role_grant (account_id);
create index role_grant_tenant on role_grant (tenant_id);

-- The key that signs the platform's own access tokens, shared by every node.
create table token_signing_key (
    kid         varchar(100)  not null primary key,
    private_jwk varchar(8000) not null,
    created_at  timestamp with time zone not null
);

-- Tenant-owned (tenant_id is EclipseLink's tenant discriminator): signatories, the signature
-- keys assigned to them, and keys bought beyond the quota at the tenant's own cost.
create sequence signatory_seq start with 50 increment by 50;
create table signatory (
    id         bigint       not null primary key,
    tenant_id  varchar(64)  not null references tenant (id),
    full_name  varchar(200) not null,
    title      varchar(200) not null,
    username   varchar(100),
    created_at timestamp with time zone not null,
    version    bigint       not null
);
create index signatory_tenant on signatory (tenant_id);

create sequence signature_key_seq start with 50 increment by 50;
create table signature_key (
    id           bigint       not null primary key,
    tenant_id    varchar(64)  not null references tenant (id),
    signatory_id bigint       not null references signatory (id),
    label        varchar(200) not null,
    beyond_quota boolean      not null,
    assigned_by  varchar(100) not null,
    assigned_at  timestamp with time zone not null,
    revoked_at   timestamp with time zone
);
create index signature_key_tenant on signature_key (tenant_id);

create sequence extra_key_purchase_seq start with 50 increment by 50;
create table extra_key_purchase (
    id           bigint        not null primary key,
    tenant_id    varchar(64)   not null references tenant (id),
    key_count    integer       not null check (key_count > 0),
    cost_mad     numeric(12,2) not null check (cost_mad >= 0),
    purchased_on date          not null,
    recorded_by  varchar(100)  not null,
    recorded_at  timestamp with time zone not null
);
create index extra_key_purchase_tenant on extra_key_purchase (tenant_id);
