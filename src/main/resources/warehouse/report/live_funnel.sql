-- Sessions at each funnel step from the live hourly session funnel, summed over the hours (of each
-- session's first view) that start in the period (parameters: first instant, instant just after
-- the last day, last instant; each null for none).
WITH p AS (
    SELECT CAST(? AS TIMESTAMPTZ) AS start_at, CAST(? AS TIMESTAMPTZ) AS end_before,
           CAST(? AS TIMESTAMPTZ) AS end_at
)
SELECT coalesce(sum(s.viewed), 0) AS viewed, coalesce(sum(s.carted), 0) AS carted,
       coalesce(sum(s.purchased), 0) AS purchased
FROM processed.session_funnel s, p
WHERE (p.start_at IS NULL OR s.hour >= p.start_at)
  AND (p.end_before IS NULL OR s.hour < p.end_before)
  AND (p.end_at IS NULL OR s.hour <= p.end_at);
