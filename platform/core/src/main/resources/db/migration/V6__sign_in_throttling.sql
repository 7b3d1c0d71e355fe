-- Failed sign-ins per account: after too many in a row the account is locked for a while.
alter table account add column failed_sign_ins integer default 0 not null;
alter table account add column locked_until timestamp with time zone;
