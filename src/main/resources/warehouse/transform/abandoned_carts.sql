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

-- The same sessions' carts per product, and whether the session bought that product: the products'
-- abandoned value below adds these up.
DELETE FROM pipeline.session_carts WHERE user_session IN (SELECT user_session FROM cart_sessions);

INSERT INTO pipeline.session_carts (user_session, product_id, cart_value, bought)
SELECT user_session, product_id,
       sum(price) FILTER (WHERE event_type = 'cart'),
       bool_or(event_type = 'purchase')
FROM funnel_events
WHERE event_type IN ('cart', 'purchase')
  AND (getvariable('first_run') OR user_session IN (SELECT user_session FROM cart_sessions))
GROUP BY user_session, product_id
HAVING count(*) FILTER (WHERE event_type = 'cart') > 0;

DROP TABLE cart_sessions;
