-- The warehouse's layers: raw (as landed from Kafka), processed (near-real-time, from Flink),
-- reporting (batch transforms), and pipeline (the pipeline's own bookkeeping).
CREATE SCHEMA IF NOT EXISTS raw;
CREATE SCHEMA IF NOT EXISTS processed;
CREATE SCHEMA IF NOT EXISTS reporting;
CREATE SCHEMA IF NOT EXISTS pipeline;
