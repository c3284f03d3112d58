-- Forget the sessions with new events.
DELETE FROM reporting.abandoned_carts WHERE user_session IN (SELECT user_session FROM touched_sessions);

-- Every session with new events that has a cart and no purchase: its user, carts and their value.
INSERT INTO reporting.abandoned_carts (user_session, user_id, day, carts, products, cart_value)
SELECT e.user_session,
       arg_max(e.user_id, e.event_time) FILTER (WHERE e.event_type = 'cart'),
       CAST(max(e.event_time) FILTER (WHERE e.event_type = 'cart') AT TIME ZONE 'UTC' AS DATE),
       count(*) FILTER (WHERE e.event_type = 'cart'),
       count(DISTINCT e.product_id) FILTER (WHERE e.event_type = 'cart'),
       sum(e.price) FILTER (WHERE e.event_type = 'cart')
FROM raw.events e
WHERE e.user_session IN (SELECT user_session FROM touched_sessions)
GROUP BY e.user_session
HAVING count(*) FILTER (WHERE e.event_type = 'cart') > 0
   AND count(*) FILTER (WHERE e.event_type = 'purchase') = 0;
