-- ${pipeline}: pipeline (raw loader) or live.pipeline (processed loader), as in upsert_offset.sql.
SELECT topic, kafka_partition, next_offset
FROM ${pipeline}.consumer_offsets
WHERE consumer = ?;
