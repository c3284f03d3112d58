-- Forget the rebuilt months.
DELETE FROM reporting.monthly_summary WHERE month IN (SELECT month FROM dirty_months);

-- Events, users, sessions, revenue and session conversion (sessions with a purchase in the month
-- over sessions with an event in it) of every rebuilt month.
INSERT INTO reporting.monthly_summary (month, events, users, sessions, purchasing_sessions, revenue, conversion)
SELECT
    m.month,
    count(*),
    count(DISTINCT e.user_id),
    count(DISTINCT e.user_session),
    count(DISTINCT e.user_session) FILTER (WHERE e.event_type = 'purchase'),
    coalesce(sum(e.price) FILTER (WHERE e.event_type = 'purchase'), 0),
    CAST(count(DISTINCT e.user_session) FILTER (WHERE e.event_type = 'purchase') AS DOUBLE)
        / nullif(count(DISTINCT e.user_session), 0)
FROM dirty_months m
JOIN raw.events e ON CAST(date_trunc('month', e.event_time AT TIME ZONE 'UTC') AS DATE) = m.month
    AND e.event_time >= ? AND e.event_time < ?  -- the run's time bounds: DuckDB skips row groups outside them
GROUP BY m.month;
