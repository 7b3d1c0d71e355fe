-- The legal clock (issue 9, item 7).
-- How each due date was counted (working days from a day), so that a holiday announced later moves
-- the due dates already counted; dossiers deposited before this migration keep only their date.
alter table dossier add column due_from date;
alter table dossier add column due_working_days integer;

-- The clock's marks on a dossier it could not move: the due date it found with no way out (not
-- looked at again until the due date changes), and its failures with the time it tries again.
-- Marked dossiers are skipped, so that stuck dossiers never starve the others of a pass.
alter table dossier add column clock_skipped_due date;
alter table dossier add column clock_failures integer default 0 not null;
alter table dossier add column clock_retry_after timestamp with time zone;
alter table dossier add column clock_problem varchar(500);

-- The clock's walk: open dossiers by due date, then id (keyset pages).
create index dossier_clock_walk on dossier (phase, due_date, id);
