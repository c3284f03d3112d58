-- The new events per product (counts, revenue, latest non-null category and brand), added to the
-- totals of the runs before: each event is new in exactly one run. The events group first by
-- product, category and brand (a product has few of those), and the latest category and brand are
-- picked from those groups: arg_max over every event copies a string each time a later one comes
-- (4.4 s against 2.4 s in the full run over 40M events).
CREATE TEMP TABLE product_merged AS
WITH product_labels AS (
    SELECT product_id, category_code, brand, max(event_time) AS seen,
           count(*) FILTER (WHERE event_type = 'view')     AS views,
           count(*) FILTER (WHERE event_type = 'cart')     AS carts,
           count(*) FILTER (WHERE event_type = 'purchase') AS purchases,
           sum(price) FILTER (WHERE event_type = 'purchase') AS revenue
    FROM new_events
    GROUP BY product_id, category_code, brand
), product_changes AS (
    SELECT product_id,
           arg_max(category_code, seen) AS category_code,
           max(seen) FILTER (WHERE category_code IS NOT NULL) AS category_seen,
           arg_max(brand, seen) AS brand,
           max(seen) FILTER (WHERE brand IS NOT NULL) AS brand_seen,
           CAST(sum(views) AS BIGINT)     AS views,
           CAST(sum(carts) AS BIGINT)     AS carts,
           CAST(sum(purchases) AS BIGINT) AS purchases,
           coalesce(sum(revenue), 0)      AS revenue
    FROM product_labels
    GROUP BY product_id
)
SELECT c.product_id,
       CASE WHEN c.category_seen >= t.category_seen OR t.category_seen IS NULL
            THEN coalesce(c.category_code, t.category_code) ELSE t.category_code END AS category_code,
       greatest(c.category_seen, t.category_seen) AS category_seen,
       CASE WHEN c.brand_seen >= t.brand_seen OR t.brand_seen IS NULL
            THEN coalesce(c.brand, t.brand) ELSE t.brand END AS brand,
       greatest(c.brand_seen, t.brand_seen) AS brand_seen,
       c.views + coalesce(t.views, 0)         AS views,
       c.carts + coalesce(t.carts, 0)         AS carts,
       c.purchases + coalesce(t.purchases, 0) AS purchases,
       c.revenue + coalesce(t.revenue, 0)     AS revenue,
       coalesce(f.abandoned_value, 0) + coalesce(a.value, 0) AS abandoned_value
FROM product_changes c
LEFT JOIN pipeline.product_totals t ON t.product_id = c.product_id
LEFT JOIN abandoned_change a ON a.product_id = c.product_id
LEFT JOIN reporting.product_funnel f ON f.product_id = c.product_id;

DELETE FROM pipeline.product_totals WHERE product_id IN (SELECT product_id FROM product_merged);

INSERT INTO pipeline.product_totals
    (product_id, category_code, category_seen, brand, brand_seen, views, carts, purchases, revenue)
SELECT product_id, category_code, category_seen, brand, brand_seen, views, carts, purchases, revenue
FROM product_merged;

-- Forget the products with new events.
DELETE FROM reporting.product_funnel WHERE product_id IN (SELECT product_id FROM product_merged);

-- Per product with new events: views, carts, purchases, step rates, revenue, and the value of its
-- carts in sessions that never bought it (sessionless carts are not counted there: without a
-- session there is no "that session"): the value before, moved by abandoned_change, which
-- abandoned_carts.sql computes from the session carts it rebuilt.
INSERT INTO reporting.product_funnel
    (product_id, category_code, brand, views, carts, purchases, view_to_cart, cart_to_purchase,
     revenue, abandoned_value)
SELECT product_id, coalesce(category_code, 'unknown'), coalesce(brand, 'unknown'),
       views, carts, purchases,
       CAST(carts AS DOUBLE) / nullif(views, 0),
       CAST(purchases AS DOUBLE) / nullif(carts, 0),
       revenue,
       abandoned_value
FROM product_merged;

DROP TABLE product_merged;
