-- A run that failed and was rolled back: nothing rebuilt, the next run covers the same events.
INSERT INTO pipeline.transform_runs
    (run_id, started_at, finished_at, since, loaded_up_to, days_rebuilt, first_day, last_day,
     rows_written, status, error)
VALUES (nextval('pipeline.transform_run_ids'), CAST(? AS TIMESTAMPTZ), CAST(? AS TIMESTAMPTZ),
        NULL, NULL, 0, NULL, NULL, 0, 'failed', ?);
