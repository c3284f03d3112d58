-- Lands the first copy of each new event.
INSERT INTO raw.events
SELECT event_id, event_time, event_type, product_id, category_id, category_code, brand, price,
       user_id, user_session, kafka_partition, kafka_offset, ?
FROM raw_events_marked
WHERE is_first;
