-- The run just recorded.
SELECT run_id, days_rebuilt, first_day, last_day, rows_written, loaded_up_to
FROM pipeline.transform_runs
ORDER BY run_id DESC
LIMIT 1;
