-- Revenue per UTC day with events over the inclusive period (parameters: from day, to day), by day.
WITH p AS (SELECT CAST(? AS DATE) AS from_day, CAST(? AS DATE) AS to_day)
SELECT r.day AS day, r.revenue AS revenue
FROM reporting.daily_revenue r, p
WHERE (p.from_day IS NULL OR r.day >= p.from_day) AND (p.to_day IS NULL OR r.day <= p.to_day)
ORDER BY r.day;
