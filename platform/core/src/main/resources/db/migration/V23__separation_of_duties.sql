-- Separation of duties and account lifecycle (issue 12, ADR 0023).
-- A commission member's grant names the consulted body it speaks for (a procedure's body id).
alter table role_grant add column qualifier varchar(100);
-- An administrator's reset forces the holder to choose a new password at the next sign-in.
alter table account add column password_change_required boolean default false not null;
