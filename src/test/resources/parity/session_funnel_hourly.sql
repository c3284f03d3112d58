-- The batch truth for processed.session_funnel: each session's first view, its first cart at or
-- after that view, whether it bought at or after that cart; counted on the UTC hour of the first view.
WITH viewed AS (
    SELECT user_session, event_type, event_time,
           min(CASE WHEN event_type = 'view' THEN event_time END) OVER (PARTITION BY user_session) AS first_view
    FROM raw.events
    WHERE user_session IS NOT NULL
), carted AS (
    SELECT user_session, event_type, event_time, first_view,
           min(CASE WHEN event_type = 'cart' AND event_time >= first_view THEN event_time END)
               OVER (PARTITION BY user_session) AS first_cart
    FROM viewed
    WHERE first_view IS NOT NULL
), sessions AS (
    SELECT date_trunc('hour', min(first_view)) AS hour,
           max(CASE WHEN first_cart IS NOT NULL THEN 1 ELSE 0 END) AS carted,
           max(CASE WHEN event_type = 'purchase' AND event_time >= first_cart THEN 1 ELSE 0 END) AS purchased
    FROM carted
    GROUP BY user_session
)
SELECT strftime(hour, '%Y-%m-%d %H:%M') AS hour, count(*) AS viewed, sum(carted) AS carted, sum(purchased) AS purchased
FROM sessions
GROUP BY hour
ORDER BY hour;
