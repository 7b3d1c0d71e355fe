-- The installation: one row, shared by every node of a deployment.
create table platform_installation (
    singleton         smallint     not null primary key check (singleton = 1),
    installation_id   varchar(36)  not null unique,
    installed_at      timestamp with time zone not null,
    installed_version varchar(64)  not null
);
