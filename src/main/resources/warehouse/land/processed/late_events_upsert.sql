INSERT OR REPLACE INTO processed.late_events (minute, events, updated_at)
VALUES (?, ?, ?);
