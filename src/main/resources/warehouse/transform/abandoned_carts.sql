-- A session's abandoned carts depend on its own events only, so only the sessions with new events
-- can change: rebuild those that have a cart from their cart and purchase events (on the first run,
-- every session's). The other sessions keep their rows, and their blocks stay as they are.
CREATE TEMP TABLE cart_events AS
SELECT user_session, event_type, event_time, product_id, price, user_id
FROM raw.events
WHERE getvariable('first_run') AND user_session IS NOT NULL AND event_type IN ('cart', 'purchase')
UNION ALL
SELECT user_session, event_type, event_time, product_id, price, user_id
FROM raw.events
WHERE NOT getvariable('first_run') AND event_type IN ('cart', 'purchase')
  AND event_time >= getvariable('sessions_from') AND event_time <= getvariable('sessions_to')
  AND hash(user_session) IN (SELECT session_hash FROM touched_spans);

CREATE TEMP TABLE cart_sessions AS
SELECT DISTINCT user_session FROM cart_events WHERE event_type = 'cart';

-- A session's row is on the day of its last cart, within its span: rows are written in day order,
-- so DuckDB skips the row groups of days before the spans of the sessions with new events.
DELETE FROM reporting.abandoned_carts
WHERE (getvariable('first_run') OR day >= pipeline.utc_day(getvariable('sessions_from')))
  AND user_session IN (SELECT user_session FROM cart_sessions);

-- Every such session that has a cart and no purchase: its user, carts and their value.
INSERT INTO reporting.abandoned_carts (user_session, user_id, day, carts, products, cart_value)
SELECT user_session,
       arg_max(user_id, event_time) FILTER (WHERE event_type = 'cart'),
       pipeline.utc_day(max(event_time) FILTER (WHERE event_type = 'cart')) AS day,
       count(*) FILTER (WHERE event_type = 'cart'),
       count(DISTINCT product_id) FILTER (WHERE event_type = 'cart'),
       sum(price) FILTER (WHERE event_type = 'cart')
FROM cart_events
GROUP BY user_session
HAVING count(*) FILTER (WHERE event_type = 'cart') > 0
   AND count(*) FILTER (WHERE event_type = 'purchase') = 0
ORDER BY day;

-- The same sessions' carts per product, and whether the session bought that product. What their
-- rows held before is kept for the run: the products' abandoned value (product_funnel.sql) moves
-- by the difference, instead of adding up every session's carts again. They are found by the hash
-- of the session id first (see monthly_summary.sql), then by the id. The hash finds their row ids
-- and only those rows are read: reading the other columns, the id above all, of every row the
-- hash filter has to look at cost 4-10 times as much as the lookup itself.
CREATE TEMP TABLE session_cart_candidates AS
SELECT rowid AS cart_row, user_session, product_id, cart_value, bought
FROM pipeline.session_carts
WHERE rowid IN (SELECT rowid FROM pipeline.session_carts
                WHERE session_hash IN (SELECT hash(user_session) FROM cart_sessions));

CREATE TEMP TABLE old_session_carts AS
SELECT cart_row, product_id, cart_value, bought
FROM session_cart_candidates
WHERE user_session IN (SELECT user_session FROM cart_sessions);

DROP TABLE session_cart_candidates;

DELETE FROM pipeline.session_carts WHERE rowid IN (SELECT cart_row FROM old_session_carts);

CREATE TEMP TABLE new_session_carts AS
SELECT user_session, product_id,
       sum(price) FILTER (WHERE event_type = 'cart') AS cart_value,
       bool_or(event_type = 'purchase') AS bought
FROM cart_events
GROUP BY user_session, product_id
HAVING count(*) FILTER (WHERE event_type = 'cart') > 0;

INSERT INTO pipeline.session_carts (user_session, product_id, cart_value, bought, session_hash)
SELECT user_session, product_id, cart_value, bought, hash(user_session) FROM new_session_carts;

-- Each product's abandoned value moves by its rebuilt rows' value not bought, less what those rows
-- held before. Only products with new cart or purchase events can move: a row changes only with
-- new events of its product in its session.
CREATE TEMP TABLE abandoned_change AS
SELECT product_id, sum(value) AS value
FROM (
    SELECT product_id, cart_value AS value FROM new_session_carts WHERE NOT bought
    UNION ALL
    SELECT product_id, -cart_value FROM old_session_carts WHERE NOT bought
)
GROUP BY product_id;

DROP TABLE new_session_carts;
DROP TABLE old_session_carts;
DROP TABLE cart_sessions;
DROP TABLE cart_events;
