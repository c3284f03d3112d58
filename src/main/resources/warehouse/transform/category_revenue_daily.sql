-- Forget the rebuilt days.
DELETE FROM reporting.category_revenue_daily WHERE day IN (SELECT day FROM dirty_days);

-- Revenue and purchases per category on every rebuilt day.
INSERT INTO reporting.category_revenue_daily (day, category_code, revenue, purchases)
SELECT day, coalesce(category_code, 'unknown'), sum(price), count(*)
FROM dirty_day_events
WHERE event_type = 'purchase'
GROUP BY day, coalesce(category_code, 'unknown');
