DELETE FROM processed.late_events WHERE minute = ?;
