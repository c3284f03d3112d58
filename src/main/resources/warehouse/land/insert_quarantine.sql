INSERT INTO raw.quarantine
    (source, row_number, line_number, reason, detail, raw_line, kafka_topic, kafka_partition, kafka_offset, loaded_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
