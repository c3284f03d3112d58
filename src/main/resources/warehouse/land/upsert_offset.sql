INSERT INTO pipeline.consumer_offsets (consumer, topic, kafka_partition, next_offset, updated_at)
VALUES (?, ?, ?, ?, ?)
ON CONFLICT (consumer, topic, kafka_partition) DO UPDATE SET
    next_offset = excluded.next_offset, updated_at = excluded.updated_at;
