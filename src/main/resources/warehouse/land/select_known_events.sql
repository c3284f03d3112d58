-- Events already landed that a new batch could repeat: exact repeats share the record key (so the
-- partition) and the event time. The time filter lets DuckDB skip row groups by their min/max.
SELECT event_id, event_time
FROM raw.events
WHERE kafka_partition = ?
  AND event_time BETWEEN ? AND ?;
