-- Plugins installed through the admin API (the shipped ones come from the plugins directory):
-- kept in the database so that every node loads the same.
create table plugin_archive (
    plugin_id    varchar(100) not null primary key,
    version      varchar(50)  not null,
    sha256       varchar(64)  not null,
    content      bytea        not null,
    installed_by varchar(100) not null,
    installed_at timestamp with time zone not null
);

-- Plugins an admin disabled (absent: enabled).
create table plugin_setting (
    plugin_id  varchar(100) not null primary key,
    enabled    boolean      not null,
    changed_by varchar(100) not null,
    changed_at timestamp with time zone not null
);
