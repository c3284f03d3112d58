-- Views per 5-minute slide over the hour before the latest trending slide that ends at or before a
-- time (parameter: the time, null for the latest of all), for that slide's top 10: one row per
-- product and slide where the product was ranked.
WITH p AS (SELECT CAST(? AS TIMESTAMPTZ) AS at_or_before),
slide AS (
    SELECT max(c.window_end) AS window_end
    FROM processed.trending_complete_slides c, p
    WHERE p.at_or_before IS NULL OR c.window_end <= p.at_or_before
), top AS (
    SELECT t.product_id
    FROM processed.trending_products t JOIN slide s ON t.window_end = s.window_end
    WHERE t.rank <= 10
)
SELECT strftime(s.window_end AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS window_end,
       strftime(t.window_end AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS slide, t.product_id, t.views
FROM processed.trending_products t, slide s
WHERE t.product_id IN (SELECT product_id FROM top)
  AND t.window_end > s.window_end - INTERVAL 1 HOUR AND t.window_end <= s.window_end
ORDER BY t.product_id, t.window_end;
