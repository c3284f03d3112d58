DELETE FROM live.processed.late_events WHERE minute = ?;
