-- Views over the streams the job prepares in Java (FunnelJob): `on_time_events` and `late_events`
-- are the raw events with exact repeats removed, split at the watermark; `minute_funnel` is each
-- minute and category's funnel and `session_progress` each session's place in the ordered funnel,
-- both as changelogs. `rowtime` is the event time attribute.

-- Views, carts and revenue per product over the last hour, every 5 minutes of event time.
CREATE TEMPORARY VIEW product_hour AS
SELECT
    window_start,
    window_end,
    window_time,
    product_id,
    COUNT(*) FILTER (WHERE event_type = 'view') AS `views`,
    COUNT(*) FILTER (WHERE event_type = 'cart') AS carts,
    COUNT(*) FILTER (WHERE event_type = 'purchase') AS purchases,
    COALESCE(SUM(price) FILTER (WHERE event_type = 'purchase'), 0) AS revenue,
    MAX(brand) AS brand,
    MAX(category_code) AS category_code
FROM TABLE(HOP(TABLE on_time_events, DESCRIPTOR(rowtime), INTERVAL '5' MINUTE, INTERVAL '1' HOUR))
GROUP BY window_start, window_end, window_time, product_id;

-- Each slide's top 20 by views (ties by product id, so ranks are stable); the top 10 are shown,
-- the rest tell a shown product's rank in the slide before.
CREATE TEMPORARY VIEW product_rank AS
SELECT *
FROM (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end
                                 ORDER BY `views` DESC, product_id ASC) AS product_rank
    FROM product_hour
)
WHERE product_rank <= 20
