-- Issue 10: a signature key is bound to a credential of a signature provider (plugin) and to the
-- X.509 certificate issued for that credential's public key; it signs only while bound, not
-- revoked and within the certificate's validity. Null while a key is assigned but not yet bound
-- (the keys assigned before this migration).
alter table signature_key add column provider varchar(64);
alter table signature_key add column credential_id varchar(200);
alter table signature_key add column certificate bytea;
alter table signature_key add column certificate_serial varchar(100);
alter table signature_key add column not_before timestamp with time zone;
alter table signature_key add column not_after timestamp with time zone;
alter table signature_key add column revocation_reason varchar(500);
-- One key per credential in a tenant.
create unique index signature_key_credential on signature_key (tenant_id, provider, credential_id);

-- The signature provider each tenant signs with (tenant-config/: signature.provider, inherited
-- down the territory); pkcs12, the embedded soft token, unless the configuration says otherwise.
alter table tenant add column signature_provider varchar(64) default 'pkcs12' not null;
