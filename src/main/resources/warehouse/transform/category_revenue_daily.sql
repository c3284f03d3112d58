-- Forget the rebuilt days.
DELETE FROM reporting.category_revenue_daily WHERE day IN (SELECT day FROM dirty_days);

-- Revenue and purchases per category on every rebuilt day.
INSERT INTO reporting.category_revenue_daily (day, category_code, revenue, purchases)
SELECT d.day, coalesce(e.category_code, 'unknown'), sum(e.price), count(*)
FROM dirty_days d
JOIN raw.events e ON CAST(e.event_time AT TIME ZONE 'UTC' AS DATE) = d.day
    AND e.event_time >= ? AND e.event_time < ?  -- the run's time bounds: DuckDB skips row groups outside them
WHERE e.event_type = 'purchase'
GROUP BY d.day, coalesce(e.category_code, 'unknown');
