-- Sessions that carted and never bought, whose last cart falls in the inclusive period, by value
-- descending, then session (parameters: from day, to day, row limit; each null for none).
WITH p AS (SELECT CAST(? AS DATE) AS from_day, CAST(? AS DATE) AS to_day, CAST(? AS BIGINT) AS max_rows)
SELECT a.user_session AS session, a.user_id AS user_id, a.day AS day, a.carts AS carts, a.cart_value AS value
FROM reporting.abandoned_carts a, p
WHERE (p.from_day IS NULL OR a.day >= p.from_day) AND (p.to_day IS NULL OR a.day <= p.to_day)
ORDER BY a.cart_value DESC, a.user_session ASC
LIMIT (SELECT max_rows FROM p);
