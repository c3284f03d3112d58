INSERT OR REPLACE INTO processed.session_funnel (hour, viewed, carted, purchased, updated_at)
VALUES (?, ?, ?, ?, ?);
