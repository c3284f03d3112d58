-- Every position of the batch in one statement (${rows} is one "(?, ?, ?, ?, ?)" per position):
-- DuckDB spends ~3 ms on each upsert statement, so one per partition cost ~75 ms a batch at 24.
-- ${pipeline} is the file's bookkeeping schema: pipeline (raw loader) or live.pipeline (processed).
INSERT INTO ${pipeline}.consumer_offsets (consumer, topic, kafka_partition, next_offset, updated_at)
VALUES ${rows}
ON CONFLICT (consumer, topic, kafka_partition) DO UPDATE SET
    next_offset = excluded.next_offset, updated_at = excluded.updated_at;
