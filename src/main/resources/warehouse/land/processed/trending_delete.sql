DELETE FROM live.processed.trending_products WHERE window_end = ? AND rank = ?;
