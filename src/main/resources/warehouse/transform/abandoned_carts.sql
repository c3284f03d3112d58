-- A session's abandoned carts depend on its own events only, so only the sessions with new events
-- can change: rebuild those that have a cart (their events were read whole for the funnels). The
-- other sessions read for the funnels keep their rows, and their blocks stay as they are.
CREATE TEMP TABLE cart_sessions AS
SELECT DISTINCT user_session
FROM funnel_events
WHERE event_type = 'cart'
  AND (getvariable('first_run') OR hash(user_session) IN (SELECT session_hash FROM touched_spans));

DELETE FROM reporting.abandoned_carts WHERE user_session IN (SELECT user_session FROM cart_sessions);

-- Every such session that has a cart and no purchase: its user, carts and their value.
INSERT INTO reporting.abandoned_carts (user_session, user_id, day, carts, products, cart_value)
SELECT user_session,
       arg_max(user_id, event_time) FILTER (WHERE event_type = 'cart'),
       pipeline.utc_day(max(event_time) FILTER (WHERE event_type = 'cart')),
       count(*) FILTER (WHERE event_type = 'cart'),
       count(DISTINCT product_id) FILTER (WHERE event_type = 'cart'),
       sum(price) FILTER (WHERE event_type = 'cart')
FROM funnel_events
WHERE event_type IN ('cart', 'purchase')
  AND (getvariable('first_run') OR user_session IN (SELECT user_session FROM cart_sessions))
GROUP BY user_session
HAVING count(*) FILTER (WHERE event_type = 'cart') > 0
   AND count(*) FILTER (WHERE event_type = 'purchase') = 0;

-- The same sessions' carts per product, and whether the session bought that product. Each
-- product's abandoned value (its carts in sessions that did not buy it) moves by what this run
-- changes: the rebuilt sessions' old unbought carts out, their new ones in (product_funnel.sql adds
-- it to the product's total). Summing every session's carts per product instead read ~860k rows.
CREATE TEMP TABLE abandoned_change AS
SELECT product_id, -sum(cart_value) AS value
FROM pipeline.session_carts
WHERE NOT bought AND user_session IN (SELECT user_session FROM cart_sessions)
GROUP BY product_id;

DELETE FROM pipeline.session_carts WHERE user_session IN (SELECT user_session FROM cart_sessions);

CREATE TEMP TABLE rebuilt_carts AS
SELECT user_session, product_id,
       sum(price) FILTER (WHERE event_type = 'cart') AS cart_value,
       bool_or(event_type = 'purchase')             AS bought
FROM funnel_events
WHERE event_type IN ('cart', 'purchase')
  AND (getvariable('first_run') OR user_session IN (SELECT user_session FROM cart_sessions))
GROUP BY user_session, product_id
HAVING count(*) FILTER (WHERE event_type = 'cart') > 0;

INSERT INTO pipeline.session_carts (user_session, product_id, cart_value, bought)
SELECT user_session, product_id, cart_value, bought FROM rebuilt_carts;

INSERT INTO abandoned_change
SELECT product_id, sum(cart_value) FROM rebuilt_carts WHERE NOT bought GROUP BY product_id;

DROP TABLE rebuilt_carts;

DROP TABLE cart_sessions;
