-- The raw topic as the job reads it: the JSON records of schemas/raw-event.schema.json, event time
-- from event_time, and a watermark that trails the newest event by the out-of-orderness bound.
CREATE TABLE raw_events (
    event_time     TIMESTAMP_LTZ(3) NOT NULL,
    event_type     STRING NOT NULL,
    product_id     BIGINT NOT NULL,
    category_id    BIGINT NOT NULL,
    category_code  STRING,
    brand          STRING,
    price          DECIMAL(18, 6) NOT NULL,
    user_id        BIGINT NOT NULL,
    user_session   STRING,
    WATERMARK FOR event_time AS event_time - INTERVAL '${watermark_interval}' DAY TO SECOND
) WITH (
    'connector' = 'kafka',
    'topic' = '${raw_topic}',
    'properties.bootstrap.servers' = '${bootstrap_servers}',
    'properties.group.id' = '${group_id}',
    -- Only committed replay transactions, as the loader sees them.
    'properties.isolation.level' = 'read_committed',
    ${kafka_properties}
    'scan.startup.mode' = 'earliest-offset',
    'scan.bounded.mode' = '${bounded_mode}',
    'format' = 'json',
    'json.timestamp-format.standard' = 'ISO-8601',
    'json.fail-on-missing-field' = 'false',
    'json.ignore-parse-errors' = 'false'
)
