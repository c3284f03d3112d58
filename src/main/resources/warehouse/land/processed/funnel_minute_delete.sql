DELETE FROM live.processed.funnel_minute WHERE minute = ? AND category = ?;
