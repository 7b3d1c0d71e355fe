-- The detached CMS signature (DER) of each plugin zip installed through the admin API, kept with
-- the zip so that every node checks it again at every start and whenever it picks up another
-- node's change. Null: installed unsigned (rokhsa.plugins.signatures=optional, development only).
alter table plugin_archive add column signature bytea;
