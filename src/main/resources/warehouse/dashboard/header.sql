-- The dashboard's header strip, from the warehouse: the newest event time landed (the replay
-- clock), purchases on its UTC day, sessions that bought / sessions that viewed (the live funnel
-- when the streaming job has results, else the batch one), quarantined rows / all rows landed, and
-- whether the batch layer is behind the landed events.
WITH clock AS (
    SELECT max(event_time) AS t FROM raw.events
), today AS (
    SELECT date_trunc('day', t AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS day_start FROM clock
), live_sessions AS (
    SELECT sum(viewed) AS viewed, sum(purchased) AS purchased FROM processed.session_funnel
), batch_sessions AS (
    SELECT sum(viewed) AS viewed, sum(purchased) AS purchased FROM reporting.session_funnel_daily
), books AS (
    SELECT (SELECT count(*) FROM raw.events) AS events, (SELECT count(*) FROM raw.duplicates) AS duplicates,
           (SELECT count(*) FROM raw.quarantine) AS quarantined
)
SELECT
    (SELECT t FROM clock) AS clock,
    (SELECT coalesce(sum(e.price), 0) FROM raw.events e, today
     WHERE e.event_type = 'purchase' AND e.event_time >= today.day_start) AS revenue_today,
    coalesce((SELECT purchased::DOUBLE / nullif(viewed, 0) FROM live_sessions),
             (SELECT purchased::DOUBLE / nullif(viewed, 0) FROM batch_sessions)) AS session_conversion,
    (SELECT quarantined::DOUBLE / nullif(events + duplicates + quarantined, 0) FROM books) AS quarantined_share,
    (SELECT quarantined FROM books) AS quarantined_rows,
    coalesce((SELECT max(loaded_at) FROM raw.events)
                 > (SELECT max(loaded_up_to) FROM pipeline.transform_runs WHERE status = 'ok'),
             (SELECT count(*) FROM raw.events) > 0) AS batch_behind;
