-- The top 10 products of the latest complete trending slide that ends at or before a time (parameter: the
-- time, null for the latest slide of all), by rank; rank_change is previous_rank - rank (null:
-- new to the ranking), and a missing brand or category is 'unknown' as in the other reports.
WITH p AS (SELECT CAST(? AS TIMESTAMPTZ) AS at_or_before),
slide AS (
    SELECT max(c.window_end) AS window_end
    FROM processed.trending_complete_slides c, p
    WHERE p.at_or_before IS NULL OR c.window_end <= p.at_or_before
)
SELECT strftime(t.window_end AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS window_end, t.rank, t.product_id,
       t.views, t.carts, t.purchases, t.revenue, coalesce(t.brand, 'unknown') AS brand,
       coalesce(t.category_code, 'unknown') AS category_code, t.previous_rank - t.rank AS rank_change
FROM processed.trending_products t
JOIN slide s ON t.window_end = s.window_end
WHERE t.rank <= 10
ORDER BY t.rank;
