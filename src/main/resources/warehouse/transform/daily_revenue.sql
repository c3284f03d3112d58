-- Forget the rebuilt days.
DELETE FROM reporting.daily_revenue WHERE day IN (SELECT day FROM dirty_days);

-- Revenue, orders, buyers and average order value of every rebuilt day (zero on days without
-- purchases: every day with events has a row). An order is a session's purchases on one day; a
-- purchase without a session is one order.
INSERT INTO reporting.daily_revenue (day, revenue, orders, buyers, average_order_value)
WITH purchases AS (
    SELECT day, sum(price) AS revenue,
           count(DISTINCT coalesce(user_session, 'event ' || CAST(event_id AS VARCHAR))) AS orders,
           count(DISTINCT user_id) AS buyers
    FROM dirty_day_events
    WHERE event_type = 'purchase'
    GROUP BY day
)
SELECT d.day, coalesce(p.revenue, 0), coalesce(p.orders, 0), coalesce(p.buyers, 0),
       CAST(p.revenue / p.orders AS DECIMAL(18, 2))
FROM dirty_days d
LEFT JOIN purchases p ON p.day = d.day;
