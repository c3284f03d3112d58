SELECT counter, topic, kafka_partition, row_count
FROM pipeline.row_counts;
