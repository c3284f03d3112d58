-- A run that found nothing new: recorded like any other, with nothing rebuilt, covering up to where
-- the last successful run left off.
INSERT INTO pipeline.transform_runs
    (run_id, started_at, finished_at, since, loaded_up_to, days_rebuilt, first_day, last_day,
     rows_written, status, error)
SELECT nextval('pipeline.transform_run_ids'), CAST(? AS TIMESTAMPTZ), CAST(? AS TIMESTAMPTZ),
       max(loaded_up_to), max(loaded_up_to), 0, NULL, NULL, 0, 'ok', NULL
FROM pipeline.transform_runs
WHERE status = 'ok';
