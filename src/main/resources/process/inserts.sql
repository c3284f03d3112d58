-- The job's one statement set: every aggregate, each into its own upsert-kafka topic.

-- Per minute and top-level category, plus an 'all' row, updated with every event while the minute
-- is still open (the keyed step MinuteFunnelFunction keeps each minute until the watermark passes it).
INSERT INTO funnel_minute_sink
SELECT
    CAST(`minute` AS TIMESTAMP(3)) AS `minute`,
    category,
    `views`,
    carts,
    remove_from_carts,
    purchases,
    revenue,
    sessions_viewed,
    sessions_carted,
    sessions_purchased
FROM minute_funnel;

-- The ordered session funnel per hour of each session's first view; a session moving to an
-- earlier hour (an out-of-order first view) is taken out of the old hour.
INSERT INTO session_funnel_sink
SELECT
    CAST(first_view_hour AS TIMESTAMP(3)) AS `hour`,
    COUNT(*) AS viewed,
    CAST(SUM(carted) AS BIGINT) AS carted,
    CAST(SUM(purchased) AS BIGINT) AS purchased
FROM session_progress
GROUP BY first_view_hour;

-- Every 5 minutes, the top 10 of the last hour, with each product's rank in the slide before.
INSERT INTO trending_sink
SELECT
    cur.window_end,
    CAST(cur.product_rank AS INT) AS `rank`,
    cur.product_id,
    cur.`views`,
    cur.carts,
    cur.purchases,
    CAST(cur.revenue AS DECIMAL(18, 6)) AS revenue,
    cur.brand,
    cur.category_code,
    CAST(before.product_rank AS INT) AS previous_rank
FROM product_rank AS cur
LEFT JOIN product_rank AS before
    ON cur.product_id = before.product_id
    AND before.window_time BETWEEN cur.window_time - INTERVAL '5' MINUTE
                             AND cur.window_time - INTERVAL '5' MINUTE
WHERE cur.product_rank <= 10;

-- Events that arrived behind the watermark, per minute of their event time.
INSERT INTO late_events_sink
SELECT CAST(FLOOR(rowtime TO MINUTE) AS TIMESTAMP(3)) AS `minute`, COUNT(*) AS events
FROM late_events
GROUP BY FLOOR(rowtime TO MINUTE)
