-- Forget the rebuilt days.
DELETE FROM reporting.daily_revenue WHERE day IN (SELECT day FROM dirty_days);

-- Revenue, orders, buyers and average order value of every rebuilt day (zero on days without
-- purchases: every day with events has a row). An order is a session's purchases on one day; a
-- purchase without a session is one order. The distinct counts group first and count after:
-- DuckDB's count(DISTINCT) per group is far slower (3.4 s against 1.4 s over 40M events).
INSERT INTO reporting.daily_revenue (day, revenue, orders, buyers, average_order_value)
WITH purchases AS (
    SELECT day, user_session, user_id, price
    FROM dirty_day_events
    WHERE event_type = 'purchase'
), revenue AS (
    SELECT day, sum(price) AS revenue, count(*) FILTER (WHERE user_session IS NULL) AS lone_orders
    FROM purchases
    GROUP BY day
), session_orders AS (
    SELECT day, count(*) AS orders
    FROM (SELECT DISTINCT day, user_session FROM purchases WHERE user_session IS NOT NULL)
    GROUP BY day
), buyers AS (
    SELECT day, count(*) AS buyers
    FROM (SELECT DISTINCT day, user_id FROM purchases)
    GROUP BY day
), days AS (
    SELECT r.day, r.revenue, r.lone_orders + coalesce(o.orders, 0) AS orders, b.buyers
    FROM revenue r
    JOIN buyers b ON b.day = r.day
    LEFT JOIN session_orders o ON o.day = r.day
)
SELECT d.day, coalesce(p.revenue, 0), coalesce(p.orders, 0), coalesce(p.buyers, 0),
       CAST(p.revenue / p.orders AS DECIMAL(18, 2))
FROM dirty_days d
LEFT JOIN days p ON p.day = d.day;
