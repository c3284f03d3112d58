INSERT OR REPLACE INTO processed.funnel_minute
    (minute, category, views, carts, remove_from_carts, purchases, revenue,
     sessions_viewed, sessions_carted, sessions_purchased, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
