-- Forget the rebuilt days.
DELETE FROM reporting.daily_active WHERE day IN (SELECT day FROM dirty_days);

-- Events, distinct users and distinct (non-null) sessions per rebuilt day and event type.
INSERT INTO reporting.daily_active (day, event_type, events, users, sessions)
SELECT d.day, e.event_type, count(*), count(DISTINCT e.user_id), count(DISTINCT e.user_session)
FROM dirty_days d
JOIN raw.events e ON CAST(e.event_time AT TIME ZONE 'UTC' AS DATE) = d.day
    AND e.event_time >= ? AND e.event_time < ?  -- the run's time bounds: DuckDB skips row groups outside them
GROUP BY d.day, e.event_type;
