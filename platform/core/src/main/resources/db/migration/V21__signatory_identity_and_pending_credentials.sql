-- Issue 10, item 2 (ADR 0022): keys are issued over HTTP. A signatory's certificate names their
-- CIN (national identity card number, X.520 serialNumber IDCMA-<CIN>); an interim signatory signs
-- only under a mandate in force (V22), never in their own name.
alter table signatory add column cin varchar(20);
alter table signatory add column interim boolean default false not null;
-- The account a signatory signs in with names one signatory of a tenant at most: signing rights
-- are resolved from the account (SigningRights).
create unique index signatory_username on signatory (tenant_id, username);

-- A key whose credential was made in the provider but whose certificate is not there yet (a
-- production issuing process: the certificate chain is uploaded later) keeps the credential's
-- public key (SubjectPublicKeyInfo, DER), to give it to the issuer and check what comes back.
alter table signature_key add column public_key bytea;
