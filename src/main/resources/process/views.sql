-- Views over the streams the job prepares in Java (FunnelJob) from the raw topic (RawEventSource):
-- `late_events` are the event times of the events (exact repeats removed) that arrived behind the
-- watermark, as `rowtime`, the event time attribute; `minute_funnel` is each
-- minute and category's funnel and `session_progress` each session's place in the ordered funnel,
-- both as changelogs; `trending_products` each 5-minute slide's top 10 of the last hour with
-- their rank in the slide before.

-- The trending slides as the sink stores them: window ends as plain UTC timestamps.
CREATE TEMPORARY VIEW trending_slides AS
SELECT
    CAST(window_end AS TIMESTAMP(3)) AS window_end,
    `rank`,
    product_id,
    `views`,
    carts,
    purchases,
    revenue,
    brand,
    category_code,
    previous_rank
FROM trending_products
