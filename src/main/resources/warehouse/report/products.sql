-- The product funnel, by revenue descending, then views descending, then product id (parameter: row limit, null for all).
WITH p AS (SELECT CAST(? AS BIGINT) AS max_rows)
SELECT product_id, category_code AS category, brand, views, carts, purchases, view_to_cart,
       cart_to_purchase, revenue, abandoned_value
FROM reporting.product_funnel
ORDER BY revenue DESC, views DESC, product_id ASC
LIMIT (SELECT max_rows FROM p);
