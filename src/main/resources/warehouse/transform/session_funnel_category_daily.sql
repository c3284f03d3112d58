-- Forget the rebuilt days.
DELETE FROM reporting.session_funnel_category_daily WHERE day IN (SELECT day FROM funnel_days);

-- Each session's ordered funnel over its events of one category: its first view there, its first cart
-- at or after that view, whether it bought at or after that cart; on the day of that first view.
INSERT INTO reporting.session_funnel_category_daily
    (day, category_code, viewed, carted, purchased, view_to_cart, cart_to_purchase, view_to_purchase,
     dropped_after_view, dropped_after_cart)
WITH viewed AS (
    SELECT user_session, category_code, event_type, event_time,
           min(CASE WHEN event_type = 'view' THEN event_time END)
               OVER (PARTITION BY user_session, category_code) AS first_view
    FROM funnel_events
), carted AS (
    SELECT user_session, category_code, event_type, event_time, first_view,
           min(CASE WHEN event_type = 'cart' AND event_time >= first_view THEN event_time END)
               OVER (PARTITION BY user_session, category_code) AS first_cart
    FROM viewed
    WHERE first_view IS NOT NULL
), sessions AS (
    SELECT CAST(min(first_view) AT TIME ZONE 'UTC' AS DATE) AS day, category_code,
           max(CASE WHEN first_cart IS NOT NULL THEN 1 ELSE 0 END) AS carted,
           max(CASE WHEN event_type = 'purchase' AND event_time >= first_cart THEN 1 ELSE 0 END) AS purchased
    FROM carted
    GROUP BY user_session, category_code
), daily AS (
    SELECT day, category_code, count(*) AS viewed, sum(carted) AS carted, sum(purchased) AS purchased
    FROM sessions
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
