-- Whether the reporting layer exists in this file (a warehouse made before it has no such table).
SELECT count(*) AS ready
FROM information_schema.tables
WHERE table_schema = 'pipeline' AND table_name = 'transform_runs';
