-- What this run covers: events loaded after the last successful run (all of them on the first
-- run), up to the newest load this transaction sees.
CREATE TEMP TABLE transform_scope AS
SELECT
    (SELECT max(loaded_up_to) FROM pipeline.transform_runs WHERE status = 'ok') AS since,
    (SELECT max(loaded_at) FROM raw.events)                                      AS up_to;

-- The newly loaded events' key columns.
CREATE TEMP TABLE new_events AS
SELECT CAST(e.event_time AT TIME ZONE 'UTC' AS DATE) AS day, e.user_session, e.product_id
FROM raw.events e, transform_scope s
WHERE (s.since IS NULL OR e.loaded_at > s.since) AND e.loaded_at <= s.up_to;

-- UTC days with new events: the day-keyed tables rebuild these.
CREATE TEMP TABLE dirty_days AS
SELECT DISTINCT day FROM new_events;

-- UTC months with new events.
CREATE TEMP TABLE dirty_months AS
SELECT DISTINCT CAST(date_trunc('month', day) AS DATE) AS month FROM dirty_days;

-- Sessions with new events: their funnel and abandoned cart may have changed.
CREATE TEMP TABLE touched_sessions AS
SELECT DISTINCT user_session FROM new_events WHERE user_session IS NOT NULL;

-- Products with new events.
CREATE TEMP TABLE touched_products AS
SELECT DISTINCT product_id FROM new_events;

-- Days whose funnel rows may change: the new events' days, and every day on which a touched
-- session has events (a late event can move a session's first view to another day).
CREATE TEMP TABLE funnel_days AS
SELECT day FROM dirty_days
UNION
SELECT DISTINCT CAST(e.event_time AT TIME ZONE 'UTC' AS DATE)
FROM raw.events e
JOIN touched_sessions t ON t.user_session = e.user_session;
