-- Forget the rebuilt days.
DELETE FROM reporting.brand_revenue_daily WHERE day IN (SELECT day FROM dirty_days);

-- Revenue, purchases and buyers per brand on every rebuilt day.
INSERT INTO reporting.brand_revenue_daily (day, brand, revenue, purchases, buyers)
SELECT day, coalesce(brand, 'unknown'), sum(price), count(*), count(DISTINCT user_id)
FROM dirty_day_events
WHERE event_type = 'purchase'
GROUP BY day, coalesce(brand, 'unknown');
