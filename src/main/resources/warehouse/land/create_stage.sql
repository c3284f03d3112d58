-- A connection-private staging table the loader appends each batch of raw events into.
CREATE TEMP TABLE IF NOT EXISTS raw_events_stage (
    event_id        BIGINT,
    event_time      TIMESTAMPTZ,
    event_type      VARCHAR,
    product_id      BIGINT,
    category_id     BIGINT,
    category_code   VARCHAR,
    brand           VARCHAR,
    price           DECIMAL(18, 6),
    user_id         BIGINT,
    user_session    VARCHAR,
    kafka_partition INTEGER,
    kafka_offset    BIGINT
);
