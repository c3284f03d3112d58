-- The finished run, committed with the tables it rebuilt: its loaded_up_to is where the next run starts.
INSERT INTO pipeline.transform_runs
    (run_id, started_at, finished_at, since, loaded_up_to, days_rebuilt, first_day, last_day,
     rows_written, status, error)
SELECT nextval('pipeline.transform_run_ids'), CAST(? AS TIMESTAMPTZ), CAST(? AS TIMESTAMPTZ),
       getvariable('since'), coalesce(getvariable('up_to'), getvariable('since')),
       count(*), min(day), max(day),
       CAST(? AS BIGINT), 'ok', NULL
FROM funnel_days;
