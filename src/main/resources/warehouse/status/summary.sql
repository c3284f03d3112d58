-- The books of the raw layer: every input row is an event, a duplicate or quarantined.
SELECT
    (SELECT coalesce(sum(replayed), 0) FROM pipeline.replay_sources)          AS input_rows,
    (SELECT count(*) FROM raw.events)                                         AS events,
    (SELECT count(*) FROM raw.duplicates)                                     AS duplicates,
    (SELECT count(*) FROM raw.quarantine)                                     AS quarantined,
    (SELECT coalesce(sum(price), 0) FROM raw.events WHERE event_type = 'purchase') AS revenue_total,
    (SELECT min(event_time) FROM raw.events)                                  AS first_event_time,
    (SELECT max(event_time) FROM raw.events)                                  AS last_event_time,
    (SELECT max(kafka_lag) FROM pipeline.loader_lag)                          AS kafka_lag,
    (SELECT max(measured_at) FROM pipeline.loader_lag)                        AS lag_measured_at;
