-- Events per UTC minute and event type from the live per-minute funnel's 'all' rows, for minutes
-- that start in the period (parameters: first instant, instant just after the last day, last
-- instant, row limit; each null for none), by minute, then event type. A type without events in a
-- minute has no row, so the output equals counting raw.events by minute and type (before lateness).
WITH p AS (
    SELECT CAST(? AS TIMESTAMPTZ) AS start_at, CAST(? AS TIMESTAMPTZ) AS end_before,
           CAST(? AS TIMESTAMPTZ) AS end_at, CAST(? AS BIGINT) AS max_rows
), minutes AS (
    SELECT f.minute, f.views, f.carts, f.remove_from_carts, f.purchases
    FROM processed.funnel_minute f, p
    WHERE f.category = 'all'
      AND (p.start_at IS NULL OR f.minute >= p.start_at)
      AND (p.end_before IS NULL OR f.minute < p.end_before)
      AND (p.end_at IS NULL OR f.minute <= p.end_at)
)
SELECT strftime(m.minute AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS minute, t.event_type, t.events
FROM minutes m,
     LATERAL (VALUES ('view', m.views), ('cart', m.carts), ('remove_from_cart', m.remove_from_carts),
                     ('purchase', m.purchases)) AS t(event_type, events)
WHERE t.events > 0
ORDER BY m.minute, t.event_type
LIMIT (SELECT max_rows FROM p);
