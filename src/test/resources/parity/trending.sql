-- Trending products from raw.events as the stream should compute them: for every 5-minute slide
-- end E with an event in [E - 1 h, E), products ranked by views (ties by product id); the top 10,
-- each with its rank in the slide ending 5 minutes before when it was in that slide's top 20.
WITH ends AS (
    SELECT DISTINCT to_timestamp((floor(epoch(event_time) / 300) + k) * 300) AS window_end
    FROM raw.events, range(1, 13) r(k)
), hour AS (
    SELECT w.window_end, e.product_id,
           count(*) FILTER (WHERE e.event_type = 'view') AS views,
           count(*) FILTER (WHERE e.event_type = 'cart') AS carts,
           count(*) FILTER (WHERE e.event_type = 'purchase') AS purchases,
           CAST(coalesce(sum(e.price) FILTER (WHERE e.event_type = 'purchase'), 0) AS DECIMAL(18, 6)) AS revenue,
           max(e.brand) AS brand, max(e.category_code) AS category_code
    FROM ends w
    JOIN raw.events e ON e.event_time >= w.window_end - INTERVAL 1 HOUR AND e.event_time < w.window_end
    GROUP BY w.window_end, e.product_id
), ranked AS (
    SELECT *, row_number() OVER (PARTITION BY window_end ORDER BY views DESC, product_id) AS rank
    FROM hour
)
SELECT strftime(c.window_end, '%Y-%m-%d %H:%M'), c.rank, c.product_id, c.views, c.carts, c.purchases,
       c.revenue, c.brand, c.category_code, p.rank
FROM ranked c
LEFT JOIN ranked p ON p.window_end = c.window_end - INTERVAL 5 MINUTE AND p.product_id = c.product_id AND p.rank <= 20
WHERE c.rank <= 10
ORDER BY c.window_end, c.rank;
