-- Forget the rebuilt days.
DELETE FROM reporting.session_funnel_category_daily WHERE day IN (SELECT day FROM funnel_days);

-- Each session's ordered funnel over its events of one category: its first view there, its first cart
-- at or after that view, whether it bought at or after that cart; on the day of that first view.
INSERT INTO reporting.session_funnel_category_daily
    (day, category_code, viewed, carted, purchased, view_to_cart, cart_to_purchase, view_to_purchase,
     dropped_after_view, dropped_after_cart)
WITH sessions AS (
    SELECT category_code,
           min(event_time) FILTER (WHERE event_type = 'view')     AS first_view,
           list(event_time) FILTER (WHERE event_type = 'cart')    AS carts,
           max(event_time) FILTER (WHERE event_type = 'purchase') AS last_purchase
    FROM funnel_events
    GROUP BY user_session, category_code
), steps AS (
    SELECT pipeline.utc_day(first_view) AS day, category_code,
           list_min(list_filter(carts, lambda t: t >= first_view)) AS first_cart,
           last_purchase
    FROM sessions
    WHERE first_view IS NOT NULL
), daily AS (
    SELECT day, category_code, count(*) AS viewed, count(first_cart) AS carted,
           count(*) FILTER (WHERE last_purchase >= first_cart) AS purchased
    FROM steps
    WHERE day IN (SELECT day FROM funnel_days)
    GROUP BY day, category_code
)
SELECT day, category_code, viewed, carted, purchased,
       CAST(carted AS DOUBLE) / viewed,
       CAST(purchased AS DOUBLE) / nullif(carted, 0),
       CAST(purchased AS DOUBLE) / viewed,
       viewed - carted,
       carted - purchased
FROM daily;
