-- Each product's abandoned value (its carts in sessions that did not buy it) kept with its running
-- totals, so that an incremental run moves it by the run's change instead of summing every session's
-- carts again; filled from the session carts the earlier runs kept.
ALTER TABLE pipeline.product_totals ADD COLUMN abandoned_value DECIMAL(18, 6) DEFAULT 0;

UPDATE pipeline.product_totals t
SET abandoned_value = a.value
FROM (
    SELECT product_id, sum(cart_value) AS value
    FROM pipeline.session_carts
    WHERE NOT bought
    GROUP BY product_id
) a
WHERE a.product_id = t.product_id;
