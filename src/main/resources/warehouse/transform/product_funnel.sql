-- Forget the products with new events.
DELETE FROM reporting.product_funnel WHERE product_id IN (SELECT product_id FROM touched_products);

-- Per product with new events, over all its events: views, carts, purchases, step rates, revenue,
-- and the value of its carts in sessions that never bought it (sessionless carts are not counted
-- there: without a session there is no "that session").
INSERT INTO reporting.product_funnel
    (product_id, category_code, brand, views, carts, purchases, view_to_cart, cart_to_purchase,
     revenue, abandoned_value)
WITH events AS (
    SELECT e.*
    FROM raw.events e
    WHERE e.product_id IN (SELECT product_id FROM touched_products)
), bought AS (
    SELECT DISTINCT product_id, user_session
    FROM events
    WHERE event_type = 'purchase' AND user_session IS NOT NULL
), abandoned AS (
    SELECT c.product_id, sum(c.price) AS value
    FROM events c
    LEFT JOIN bought b ON b.product_id = c.product_id AND b.user_session = c.user_session
    WHERE c.event_type = 'cart' AND c.user_session IS NOT NULL AND b.product_id IS NULL
    GROUP BY c.product_id
), counts AS (
    SELECT product_id,
           -- The product's latest category and brand: a catalog can recode a product.
           coalesce(arg_max(category_code, event_time), 'unknown') AS category_code,
           coalesce(arg_max(brand, event_time), 'unknown')         AS brand,
           count(*) FILTER (WHERE event_type = 'view')             AS views,
           count(*) FILTER (WHERE event_type = 'cart')             AS carts,
           count(*) FILTER (WHERE event_type = 'purchase')         AS purchases,
           coalesce(sum(price) FILTER (WHERE event_type = 'purchase'), 0) AS revenue
    FROM events
    GROUP BY product_id
)
SELECT k.product_id, k.category_code, k.brand, k.views, k.carts, k.purchases,
       CAST(k.carts AS DOUBLE) / nullif(k.views, 0),
       CAST(k.purchases AS DOUBLE) / nullif(k.carts, 0),
       k.revenue,
       coalesce(a.value, 0)
FROM counts k
LEFT JOIN abandoned a ON a.product_id = k.product_id;
