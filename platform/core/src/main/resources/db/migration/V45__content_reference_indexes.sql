-- The collection of unreferenced contents (ADR 0035 of issue 12's storage work) asks, for each
-- stored content, whether any row refers to its hash, across every tenant; and the upload quota
-- sums an account's uploads. Both need these lookups to be indexed.
create index dossier_attachment_sha256 on dossier_attachment (sha256);
create index dossier_attachment_uploader on dossier_attachment (uploaded_by);
create index authorization_document_file_any_tenant on authorization_document (file_sha256);
