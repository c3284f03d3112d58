-- Every event of the sessions that have an event on a funnel day to rebuild: the sessions whose
-- first view (overall, per category or per brand) may fall on one of those days.
CREATE TEMP TABLE funnel_events AS
SELECT e.user_session, e.event_type, e.event_time,
       coalesce(e.category_code, 'unknown') AS category_code,
       coalesce(e.brand, 'unknown')         AS brand
FROM raw.events e
WHERE e.user_session IN (
    SELECT f.user_session
    FROM raw.events f
    JOIN funnel_days d ON CAST(f.event_time AT TIME ZONE 'UTC' AS DATE) = d.day
        AND f.event_time >= ? AND f.event_time < ?  -- the run's time bounds
    WHERE f.user_session IS NOT NULL);
