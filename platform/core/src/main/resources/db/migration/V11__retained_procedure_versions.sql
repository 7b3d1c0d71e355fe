-- Earlier versions of upgraded plugins, kept while dossiers deposited under their procedures are
-- still being instructed (then dropped). Every node loads them alongside the current version.
create table plugin_retained (
    plugin_id   varchar(100) not null,
    version     varchar(50)  not null,
    sha256      varchar(64)  not null,
    content     bytea        not null,
    signature   bytea,
    retained_at timestamp with time zone not null,
    primary key (plugin_id, version)
);
