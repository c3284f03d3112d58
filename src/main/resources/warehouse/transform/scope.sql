-- What this run covers: events loaded after the last successful run, up to the newest load this
-- transaction sees; on the first run, everything. The bounds are variables, so DuckDB folds them
-- into each scan as constants and skips row groups by their min/max.
SET VARIABLE since = (SELECT max(loaded_up_to) FROM pipeline.transform_runs WHERE status = 'ok');
SET VARIABLE up_to = (SELECT max(loaded_at) FROM raw.events);
SET VARIABLE first_run = getvariable('since') IS NULL;

-- The newly loaded events, with their UTC day.
CREATE TEMP VIEW new_events AS
SELECT e.*, pipeline.utc_day(e.event_time) AS day
FROM raw.events e
WHERE getvariable('first_run') OR e.loaded_at > getvariable('since');

-- UTC days with new events: the day-keyed tables rebuild these.
CREATE TEMP TABLE dirty_days AS
SELECT DISTINCT day FROM new_events;

-- UTC months with new events.
CREATE TEMP TABLE dirty_months AS
SELECT DISTINCT CAST(date_trunc('month', day) AS DATE) AS month FROM dirty_days;

SET VARIABLE days_from = (SELECT CAST(min(day) AS TIMESTAMPTZ) FROM dirty_days);
SET VARIABLE days_until = (SELECT CAST(max(day) + 1 AS TIMESTAMPTZ) FROM dirty_days);
SET VARIABLE months_from = (SELECT min(month) FROM dirty_months);
SET VARIABLE months_to = (SELECT max(month) FROM dirty_months);

-- Every event of the days to rebuild: on the first run every event, without matching each one's
-- day against the rebuilt days (DuckDB folds the variable and drops the match).
CREATE TEMP VIEW dirty_day_events AS
SELECT e.*, pipeline.utc_day(e.event_time) AS day
FROM raw.events e
WHERE getvariable('first_run')
   OR (e.event_time >= getvariable('days_from') AND e.event_time < getvariable('days_until')
       AND pipeline.utc_day(e.event_time) IN (SELECT day FROM dirty_days));
