INSERT INTO pipeline.loader_lag (consumer, kafka_lag, measured_at)
VALUES (?, ?, ?)
ON CONFLICT (consumer) DO UPDATE SET kafka_lag = excluded.kafka_lag, measured_at = excluded.measured_at;
