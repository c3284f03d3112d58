-- Forget the rebuilt days.
DELETE FROM reporting.daily_revenue WHERE day IN (SELECT day FROM dirty_days);

-- Revenue, orders, buyers and average order value of every rebuilt day (zero on days without
-- purchases). An order is a session's purchases on one day; a purchase without a session is one order.
INSERT INTO reporting.daily_revenue (day, revenue, orders, buyers, average_order_value)
SELECT
    d.day,
    coalesce(sum(e.price) FILTER (WHERE e.event_type = 'purchase'), 0),
    count(DISTINCT coalesce(e.user_session, 'event ' || CAST(e.event_id AS VARCHAR)))
        FILTER (WHERE e.event_type = 'purchase'),
    count(DISTINCT e.user_id) FILTER (WHERE e.event_type = 'purchase'),
    CAST(sum(e.price) FILTER (WHERE e.event_type = 'purchase')
        / nullif(count(DISTINCT coalesce(e.user_session, 'event ' || CAST(e.event_id AS VARCHAR)))
            FILTER (WHERE e.event_type = 'purchase'), 0) AS DECIMAL(18, 2))
FROM dirty_days d
JOIN raw.events e ON CAST(e.event_time AT TIME ZONE 'UTC' AS DATE) = d.day
    AND e.event_time >= ? AND e.event_time < ?  -- the run's time bounds: DuckDB skips row groups outside them
GROUP BY d.day;
