-- The top 10 products of the latest complete trending slide that ends at or before a time (parameter: the
-- time), by rank; rank_change is previous_rank - rank (null: new to the ranking), and a missing brand
-- or category is 'unknown' as in the other reports. Without a time: the first complete slide that
-- takes in the newest events (ending at or after the end of the last minute with events); the
-- slides after it, emitted for the hour after those events, hold fewer and fewer of them. While a
-- run is live that slide is not complete yet, and the latest complete one is shown.
WITH p AS (SELECT CAST(? AS TIMESTAMPTZ) AS at_or_before),
newest AS (
    SELECT max(minute) + INTERVAL 1 MINUTE AS events_end FROM processed.funnel_minute
),
slide AS (
    SELECT CASE WHEN p.at_or_before IS NOT NULL
                THEN (SELECT max(window_end) FROM processed.trending_complete_slides WHERE window_end <= p.at_or_before)
                ELSE coalesce((SELECT min(c.window_end) FROM processed.trending_complete_slides c, newest n
                               WHERE c.window_end >= n.events_end),
                              (SELECT max(window_end) FROM processed.trending_complete_slides))
           END AS window_end
    FROM p
)
SELECT strftime(t.window_end AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS window_end, t.rank, t.product_id,
       t.views, t.carts, t.purchases, t.revenue, coalesce(t.brand, 'unknown') AS brand,
       coalesce(t.category_code, 'unknown') AS category_code, t.previous_rank - t.rank AS rank_change
FROM processed.trending_products t
JOIN slide s ON t.window_end = s.window_end
WHERE t.rank <= 10
ORDER BY t.rank;
