-- Every attempt of every task of the scheduled pipeline, oldest first; times in UTC.
SELECT run_id,
       segment,
       task,
       attempt,
       strftime(started_at, '%Y-%m-%d %H:%M:%S') AS started_at,
       strftime(ended_at, '%Y-%m-%d %H:%M:%S')   AS ended_at,
       rows,
       status,
       error
FROM pipeline.runs
ORDER BY run_id, started_at, attempt;
