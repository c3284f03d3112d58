-- Every count of the batch in one statement (${rows} is one "(?, ?, ?, ?, ?)" per count).
INSERT INTO pipeline.row_counts (counter, topic, kafka_partition, row_count, updated_at)
VALUES ${rows}
ON CONFLICT (counter, topic, kafka_partition) DO UPDATE SET
    row_count = excluded.row_count, updated_at = excluded.updated_at;
