-- The search change log (ADR 0020): one row per change of a dossier's searchable facts, written in
-- the transaction that changes the dossier, read by every node after its own cursor (kept in its
-- index's commit). A national table: the tenant is data, every node indexes every tenant.
-- Sequence values are taken when the row is inserted, not when it commits: a higher seq can be
-- visible before a lower one. Readers track such gaps (SearchChangeReader) instead of trusting
-- "seq > cursor". Increment 1, so that a hole is either a change still in flight or one that
-- rolled back, never an allocation block.
create sequence search_change_seq start with 1 increment by 1;
create table search_change (
    seq        bigint default nextval('search_change_seq') not null primary key,
    tenant_id  varchar(64)              not null,
    dossier_id varchar(64)              not null,
    changed_at timestamp with time zone not null
);
