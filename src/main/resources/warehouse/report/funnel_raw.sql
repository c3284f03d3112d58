-- Sessions at each funnel step (view, then a cart at or after the first view, then a purchase at
-- or after that first cart) counting only the events inside a period, of a category_code or a
-- top-level category, and of a brand (parameters: first instant, instant just after the period,
-- last instant, category_code, top-level category, brand; each null for any), straight from
-- raw.events, which the loader keeps current: a session cut by the period counts by its events
-- inside it. Both `report funnel` with filters and the dashboard's `conversion-funnel` use it.
WITH p AS (
    SELECT CAST(? AS TIMESTAMPTZ) AS start_at, CAST(? AS TIMESTAMPTZ) AS end_before,
           CAST(? AS TIMESTAMPTZ) AS end_at, CAST(? AS VARCHAR) AS category,
           CAST(? AS VARCHAR) AS top_category, CAST(? AS VARCHAR) AS brand
), events AS (
    SELECT e.user_session, e.event_type, e.event_time
    FROM raw.events e, p
    WHERE e.user_session IS NOT NULL
      AND (p.start_at IS NULL OR e.event_time >= p.start_at)
      AND (p.end_before IS NULL OR e.event_time < p.end_before)
      AND (p.end_at IS NULL OR e.event_time <= p.end_at)
      AND (p.category IS NULL OR coalesce(e.category_code, 'unknown') = p.category)
      AND (p.top_category IS NULL OR coalesce(split_part(e.category_code, '.', 1), 'unknown') = p.top_category)
      AND (p.brand IS NULL OR coalesce(e.brand, 'unknown') = p.brand)
), viewed AS (
    SELECT user_session, event_type, event_time,
           min(CASE WHEN event_type = 'view' THEN event_time END)
               OVER (PARTITION BY user_session) AS first_view
    FROM events
), carted AS (
    SELECT user_session, event_type, event_time,
           min(CASE WHEN event_type = 'cart' AND event_time >= first_view THEN event_time END)
               OVER (PARTITION BY user_session) AS first_cart
    FROM viewed
    WHERE first_view IS NOT NULL
), sessions AS (
    SELECT max(CASE WHEN first_cart IS NOT NULL THEN 1 ELSE 0 END) AS carted,
           max(CASE WHEN event_type = 'purchase' AND event_time >= first_cart THEN 1 ELSE 0 END) AS purchased
    FROM carted
    GROUP BY user_session
)
SELECT count(*) AS viewed, coalesce(sum(carted), 0) AS carted, coalesce(sum(purchased), 0) AS purchased
FROM sessions;
