-- Whether this file has a processed-layer table or view (parameter: its name; a warehouse made
-- before the processed layer and opened read-only has none). The warehouse file's own, not the
-- attached live file's tables of the same schema and name, which these views read.
SELECT count(*) AS ready
FROM information_schema.tables
WHERE table_catalog = current_database() AND table_schema = 'processed' AND table_name = ?;
