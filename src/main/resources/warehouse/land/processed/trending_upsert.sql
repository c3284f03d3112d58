INSERT OR REPLACE INTO processed.trending_products
    (window_end, rank, product_id, views, carts, purchases, revenue, brand, category_code, previous_rank,
     updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
