-- Token signing key rotation (issue 12, ADR 0029): a key stops signing when it is retired, and is
-- still accepted for verification until the tokens it signed have expired; then it is deleted.
alter table token_signing_key add column retired_at timestamp with time zone;
