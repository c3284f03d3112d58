-- Each session's ordered funnel over its events of one category: its first view there, its first
-- cart at or after that view, whether it bought at or after that cart (its last purchase is not
-- before that cart), counted on the UTC day of that first view. One grouping pass: carts are few,
-- so each session keeps their times. Only the sessions with new events can change
-- (funnel_events.sql): each counts +1 with all its events and -1 with the events earlier runs saw,
-- so the sums are each day's change. On the first run nothing was seen before and the change is the
-- whole table.
CREATE TEMP TABLE category_funnel_rows AS
WITH sessions AS (
    SELECT category_code, 1 AS sign,
           min(event_time) FILTER (WHERE event_type = 'view')     AS first_view,
           list(event_time) FILTER (WHERE event_type = 'cart')    AS carts,
           max(event_time) FILTER (WHERE event_type = 'purchase') AS last_purchase
    FROM funnel_events
    GROUP BY user_session, category_code
    UNION ALL
    SELECT category_code, -1 AS sign,
           min(event_time) FILTER (WHERE event_type = 'view')     AS first_view,
           list(event_time) FILTER (WHERE event_type = 'cart')    AS carts,
           max(event_time) FILTER (WHERE event_type = 'purchase') AS last_purchase
    FROM funnel_events
    WHERE loaded_at <= getvariable('since')
    GROUP BY user_session, category_code
), steps AS (
    SELECT pipeline.utc_day(first_view) AS day, category_code, sign,
           list_min(list_filter(carts, lambda t: t >= first_view)) AS first_cart,
           last_purchase
    FROM sessions
    WHERE first_view IS NOT NULL
), change AS (
    SELECT day, category_code, sum(sign) AS viewed,
           coalesce(sum(sign) FILTER (WHERE first_cart IS NOT NULL), 0)       AS carted,
           coalesce(sum(sign) FILTER (WHERE last_purchase >= first_cart), 0)  AS purchased
    FROM steps
    GROUP BY day, category_code
)
-- The changed rows' new counts: the counts before plus the change.
SELECT c.day, c.category_code, coalesce(r.viewed, 0) + c.viewed AS viewed,
       coalesce(r.carted, 0) + c.carted AS carted, coalesce(r.purchased, 0) + c.purchased AS purchased
FROM change c
LEFT JOIN reporting.session_funnel_category_daily r ON r.day = c.day AND r.category_code = c.category_code
WHERE c.viewed <> 0 OR c.carted <> 0 OR c.purchased <> 0;

DELETE FROM reporting.session_funnel_category_daily r
USING category_funnel_rows c
WHERE r.day = c.day AND r.category_code = c.category_code;

-- A row whose sessions all moved their first view to another day is gone.
INSERT INTO reporting.session_funnel_category_daily
    (day, category_code, viewed, carted, purchased, view_to_cart, cart_to_purchase, view_to_purchase,
     dropped_after_view, dropped_after_cart)
SELECT day, category_code, viewed, carted, purchased,
       CAST(carted AS DOUBLE) / viewed,
       CAST(purchased AS DOUBLE) / nullif(carted, 0),
       CAST(purchased AS DOUBLE) / viewed,
       viewed - carted,
       carted - purchased
FROM category_funnel_rows
WHERE viewed > 0;

DROP TABLE category_funnel_rows;
