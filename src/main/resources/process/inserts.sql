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

-- Every 5 minutes of event time, the top 10 of the last hour with each one's rank in the slide
-- before (the keyed step TrendingFunction ranks them once the watermark passes the slide's end).
INSERT INTO trending_sink
SELECT * FROM trending_slides;

-- Events that arrived behind the watermark, per minute of their event time.
INSERT INTO late_events_sink
SELECT CAST(FLOOR(rowtime TO MINUTE) AS TIMESTAMP(3)) AS `minute`, COUNT(*) AS events
FROM late_events
GROUP BY FLOOR(rowtime TO MINUTE)
