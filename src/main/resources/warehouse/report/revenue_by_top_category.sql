-- Revenue per top-level category (the part of category_code before the first dot; 'unknown' for
-- none) over the inclusive period (parameters: from day, to day, row limit; each null for none),
-- by revenue descending, then category ascending.
WITH p AS (SELECT CAST(? AS DATE) AS from_day, CAST(? AS DATE) AS to_day, CAST(? AS BIGINT) AS max_rows)
SELECT split_part(r.category_code, '.', 1) AS category, sum(r.revenue) AS revenue
FROM reporting.category_revenue_daily r, p
WHERE (p.from_day IS NULL OR r.day >= p.from_day) AND (p.to_day IS NULL OR r.day <= p.to_day)
GROUP BY split_part(r.category_code, '.', 1)
ORDER BY revenue DESC, category ASC
LIMIT (SELECT max_rows FROM p);
