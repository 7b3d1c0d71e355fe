-- Tenants: the national registry, applied from tenant-config/ (not tenant-scoped itself).
create table tenant (
    id                  varchar(64)   not null primary key,
    kind                varchar(32)   not null,
    -- No foreign key: the loader checks every parent, and EclipseLink does not insert a batch of
    -- one entity class parents-first.
    parent_id           varchar(64),
    path                varchar(255)  not null,
    name_fr             varchar(200)  not null,
    name_ar             varchar(200)  not null,
    population          bigint,
    status              varchar(16)   not null,
    theme               varchar(64)   not null,
    procedures          varchar(2000) not null,
    signature_key_quota integer       not null,
    version             bigint        not null
);
create index tenant_parent on tenant (parent_id);
create index tenant_path on tenant (path);

-- What was last applied from tenant-config/, and the national rules it set.
create table tenant_config_state (
    singleton           smallint     not null primary key check (singleton = 1),
    digest              varchar(64)  not null,
    readiness_threshold bigint       not null,
    applied_at          timestamp with time zone not null
);

create table rollout_wave (
    name     varchar(64)  not null primary key,
    position integer      not null,
    regions  varchar(200) not null
);

-- Technological readiness evaluations of communes (required above the population threshold).
create sequence readiness_evaluation_seq start with 50 increment by 50;
create table readiness_evaluation (
    id           bigint        not null primary key,
    tenant_id    varchar(64)   not null references tenant (id),
    evaluated_on date          not null,
    evaluator    varchar(200)  not null,
    criteria     varchar(4000) not null,
    positive     boolean       not null,
    recorded_by  varchar(200)  not null,
    recorded_at  timestamp with time zone not null
);
create index readiness_evaluation_tenant on readiness_evaluation (tenant_id);

-- Every rollout action: who, when, what, before and after. Append-only.
create sequence rollout_audit_seq start with 50 increment by 50;
create table rollout_audit (
    id           bigint        not null primary key,
    at           timestamp with time zone not null,
    actor        varchar(200)  not null,
    action       varchar(64)   not null,
    tenant_id    varchar(64),
    before_state varchar(4000),
    after_state  varchar(4000)
);
create index rollout_audit_tenant on rollout_audit (tenant_id);
