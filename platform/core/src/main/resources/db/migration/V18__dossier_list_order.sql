-- The dossier list pages with a cursor in the order it shows (most recently changed first, ties
-- by id: ADR 0024): this index serves each page as a range scan of the tenant's dossiers, drafts
-- skipped in the query, however many there are.
create index dossier_list_order on dossier (tenant_id, updated_at, id);
