-- Forget the rebuilt days.
DELETE FROM reporting.brand_revenue_daily WHERE day IN (SELECT day FROM dirty_days);

-- Revenue, purchases and buyers per brand on every rebuilt day.
INSERT INTO reporting.brand_revenue_daily (day, brand, revenue, purchases, buyers)
SELECT d.day, coalesce(e.brand, 'unknown'), sum(e.price), count(*), count(DISTINCT e.user_id)
FROM dirty_days d
JOIN raw.events e ON CAST(e.event_time AT TIME ZONE 'UTC' AS DATE) = d.day
    AND e.event_time >= ? AND e.event_time < ?  -- the run's time bounds: DuckDB skips row groups outside them
WHERE e.event_type = 'purchase'
GROUP BY d.day, coalesce(e.brand, 'unknown');
