-- How many transform runs have built the reporting layer (0: never built).
SELECT count(*) AS runs
FROM pipeline.transform_runs
WHERE status = 'ok';
