-- Whether this file has a processed-layer table (parameter: its name; a warehouse made before the
-- processed layer and opened read-only has none).
SELECT count(*) AS ready
FROM information_schema.tables
WHERE table_schema = 'processed' AND table_name = ?;
