-- Counts every other copy as a duplicate.
INSERT INTO raw.duplicates
SELECT event_id, event_time, kafka_partition, kafka_offset, ?
FROM raw_events_marked
WHERE NOT is_first;
