-- Marks each staged record as the first copy of its event or as a repeat: a repeat of an event
-- already landed, or a later copy within the batch (first by partition and offset wins).
-- Repeats share the event time, so the join only looks at events in the batch's time range.
CREATE OR REPLACE TEMP TABLE raw_events_marked AS
WITH known AS (
    SELECT e.event_id, e.event_time
    FROM raw.events e
    WHERE e.event_time BETWEEN (SELECT min(event_time) FROM raw_events_stage)
                           AND (SELECT max(event_time) FROM raw_events_stage)
),
ranked AS (
    SELECT s.*,
           row_number() OVER (PARTITION BY s.event_id, s.event_time
                              ORDER BY s.kafka_partition, s.kafka_offset) AS copy_number
    FROM raw_events_stage s
)
SELECT r.*,
       (r.copy_number = 1 AND k.event_id IS NULL) AS is_first
FROM ranked r
LEFT JOIN (SELECT DISTINCT event_id, event_time FROM known) k
       ON k.event_id = r.event_id AND k.event_time = r.event_time;
