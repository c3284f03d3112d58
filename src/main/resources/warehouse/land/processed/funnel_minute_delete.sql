DELETE FROM processed.funnel_minute WHERE minute = ? AND category = ?;
