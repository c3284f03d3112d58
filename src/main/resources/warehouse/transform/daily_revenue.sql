-- Forget the rebuilt days.
DELETE FROM reporting.daily_revenue WHERE day IN (SELECT day FROM dirty_days);

-- Revenue, orders, buyers and average order value of every rebuilt day (zero on days without
-- purchases). An order is a session's purchases on one day; a purchase without a session is one order.
INSERT INTO reporting.daily_revenue (day, revenue, orders, buyers, average_order_value)
SELECT
    day,
    coalesce(sum(price) FILTER (WHERE event_type = 'purchase'), 0),
    count(DISTINCT coalesce(user_session, 'event ' || CAST(event_id AS VARCHAR)))
        FILTER (WHERE event_type = 'purchase'),
    count(DISTINCT user_id) FILTER (WHERE event_type = 'purchase'),
    CAST(sum(price) FILTER (WHERE event_type = 'purchase')
        / nullif(count(DISTINCT coalesce(user_session, 'event ' || CAST(event_id AS VARCHAR)))
            FILTER (WHERE event_type = 'purchase'), 0) AS DECIMAL(18, 2))
FROM dirty_day_events
GROUP BY day;
