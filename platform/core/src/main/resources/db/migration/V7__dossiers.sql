-- Dossiers: an applicant's request for one procedure in one tenant, from draft to decision.
-- Tenant-owned: tenant_id is EclipseLink's tenant discriminator on every table here.

-- Contact address for notifications (commission reminders, decisions to agents).
alter table account add column email varchar(254);

create table dossier (
    id                  varchar(36)    not null primary key,
    tenant_id           varchar(64)    not null references tenant (id),
    procedure_id        varchar(100)   not null,
    procedure_version   varchar(50)    not null,
    owner               varchar(100)   not null,
    deposited_by        varchar(100)   not null,
    applicant_name      varchar(200)   not null,
    contact_email       varchar(254)   not null,
    language            varchar(2)     not null,
    form_values         varchar(200000) not null,
    phase               varchar(16)    not null,
    state               varchar(64),
    reference           varchar(80),
    tracking_code       varchar(32),
    submit_key          varchar(200),
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    submitted_at        timestamp with time zone,
    state_entered_at    timestamp with time zone,
    due_date            date,
    suspended_state     varchar(64),
    suspended_remaining integer,
    outcome             varchar(40),
    decision_motivation varchar(8000),
    tacit               boolean        not null,
    version             bigint         not null,
    constraint dossier_reference unique (tenant_id, reference)
);
create index dossier_tenant_state on dossier (tenant_id, phase, state);
create index dossier_owner on dossier (owner);
create index dossier_due on dossier (phase, due_date);

-- Per tenant and year: the last reference number given.
create table dossier_reference_counter (
    tenant_id  varchar(64) not null references tenant (id),
    ref_year   integer     not null,
    last_value bigint      not null,
    primary key (tenant_id, ref_year)
);

create sequence dossier_attachment_seq start with 50 increment by 50;
create table dossier_attachment (
    id           bigint       not null primary key,
    tenant_id    varchar(64)  not null references tenant (id),
    dossier_id   varchar(36)  not null references dossier (id),
    document_id  varchar(100) not null,
    avis_body    varchar(100),
    file_name    varchar(255) not null,
    media_type   varchar(100) not null,
    size_bytes   bigint       not null,
    sha256       varchar(64)  not null,
    uploaded_by  varchar(100) not null,
    uploaded_at  timestamp with time zone not null,
    superseded_at timestamp with time zone
);
create index dossier_attachment_dossier on dossier_attachment (dossier_id);

-- One row per consulted body and commission round: asked when the dossier reaches the
-- commission, answered with the avis.
create sequence dossier_avis_seq start with 50 increment by 50;
create table dossier_avis (
    id           bigint       not null primary key,
    tenant_id    varchar(64)  not null references tenant (id),
    dossier_id   varchar(36)  not null references dossier (id),
    avis_round   integer      not null,
    body_id      varchar(100) not null,
    binding      boolean      not null,
    requested_at timestamp with time zone not null,
    due_date     date         not null,
    reminded_at  timestamp with time zone,
    verdict      varchar(40),
    motivation   varchar(8000),
    given_by     varchar(100),
    given_at     timestamp with time zone,
    constraint dossier_avis_once unique (dossier_id, avis_round, body_id)
);

create sequence dossier_complement_seq start with 50 increment by 50;
create table dossier_complement (
    id           bigint        not null primary key,
    tenant_id    varchar(64)   not null references tenant (id),
    dossier_id   varchar(36)   not null references dossier (id),
    items        varchar(20000) not null,
    requested_by varchar(100)  not null,
    requested_at timestamp with time zone not null,
    answer       varchar(8000),
    answered_at  timestamp with time zone
);
create index dossier_complement_dossier on dossier_complement (dossier_id);

-- The dossier's timeline, as the applicant and the agents see it.
create sequence dossier_event_seq start with 50 increment by 50;
create table dossier_event (
    id         bigint       not null primary key,
    tenant_id  varchar(64)  not null references tenant (id),
    dossier_id varchar(36)  not null references dossier (id),
    occurred_at timestamp with time zone not null,
    actor      varchar(100) not null,
    role       varchar(32)  not null,
    action     varchar(100) not null,
    from_state varchar(64),
    to_state   varchar(64),
    note       varchar(8000)
);
create index dossier_event_dossier on dossier_event (dossier_id);
