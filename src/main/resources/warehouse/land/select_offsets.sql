SELECT topic, kafka_partition, next_offset
FROM pipeline.consumer_offsets
WHERE consumer = ?;
