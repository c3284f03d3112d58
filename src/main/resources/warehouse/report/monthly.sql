-- The monthly summary for the months that overlap the inclusive period (parameters: from day, to
-- day; each null for none), by month.
WITH p AS (SELECT CAST(? AS DATE) AS from_day, CAST(? AS DATE) AS to_day)
SELECT m.month AS month, m.events AS events, m.users AS users, m.sessions AS sessions,
       m.revenue AS revenue, m.conversion AS conversion
FROM reporting.monthly_summary m, p
WHERE (p.from_day IS NULL OR m.month >= date_trunc('month', p.from_day))
  AND (p.to_day IS NULL OR m.month <= p.to_day)
ORDER BY m.month;
