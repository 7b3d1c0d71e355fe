-- The platform's audit seal (issue 12, ADR 0039): one key pair whose private half is sealed under
-- rokhsa.auth.token-key-secret (never in clear when a secret is set), and the checkpoints it signed
-- (the last ones only: auditors fetch and keep them; a row rewritten here fails its signature).
create table audit_seal_key (
    id          varchar(40)  not null primary key,
    created_at  timestamp with time zone not null,
    public_key  bytea        not null,
    private_key varchar(4000) not null
);

create table audit_sealed_checkpoint (
    taken_at  timestamp with time zone not null primary key,
    content   bytea        not null,
    signature bytea        not null
);
