-- The optional second factor of admins and signatories (issue 12, ADR 0032): an RFC 6238 secret,
-- sealed with AES-GCM when rokhsa.auth.token-key-secret is set; confirmed once its holder gave a
-- first code; the last time step a code was accepted for, so that no code is accepted twice.
alter table account add column totp_secret varchar(300);
alter table account add column totp_confirmed_at timestamp with time zone;
alter table account add column totp_last_step bigint;
