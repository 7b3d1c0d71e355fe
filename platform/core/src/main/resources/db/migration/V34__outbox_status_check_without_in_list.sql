-- H2 2.4.240 (the H2 the embedded default runs, ADR 0013) compiles a CHECK constraint's IN list of
-- constants against the session that created it: once that session is closed (the migrating
-- connection, for instance), every insert into the table fails with "Check constraint invalid"
-- until the database is reopened (fixed after 2.4.240, H2 commit 35f70285). H2 turns a chain of
-- ORs on one column into such a list too; a CASE it leaves alone, on every H2 and on PostgreSQL.
-- Write no CHECK with IN (...) or ORs of equalities in a migration while the node runs 2.4.240.
alter table notification_outbox drop constraint notification_outbox_status;
alter table notification_outbox add constraint notification_outbox_status
    check (case status when 'PENDING' then 1 when 'SENT' then 1 when 'FAILED' then 1 else 0 end = 1);
