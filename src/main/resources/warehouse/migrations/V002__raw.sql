-- Every valid event once; exact repeats are kept apart in raw.duplicates.
CREATE TABLE raw.events (
    event_id        BIGINT         NOT NULL,  -- identity hash of the nine values (see EventIdentity)
    event_time      TIMESTAMPTZ    NOT NULL,
    event_type      VARCHAR        NOT NULL,
    product_id      BIGINT         NOT NULL,
    category_id     BIGINT         NOT NULL,
    category_code   VARCHAR,
    brand           VARCHAR,
    price           DECIMAL(18, 6) NOT NULL,
    user_id         BIGINT         NOT NULL,
    user_session    VARCHAR,
    kafka_partition INTEGER        NOT NULL,
    kafka_offset    BIGINT         NOT NULL,
    loaded_at       TIMESTAMPTZ    NOT NULL
);

-- Records of the raw topic that repeat an event already in raw.events.
CREATE TABLE raw.duplicates (
    event_id        BIGINT      NOT NULL,
    event_time      TIMESTAMPTZ NOT NULL,
    kafka_partition INTEGER     NOT NULL,
    kafka_offset    BIGINT      NOT NULL,
    loaded_at       TIMESTAMPTZ NOT NULL
);

-- Rows that failed validation, with the first reason that applied.
CREATE TABLE raw.quarantine (
    source          VARCHAR     NOT NULL,  -- input file (or topic, for unreadable records)
    row_number      BIGINT      NOT NULL,
    line_number     BIGINT      NOT NULL,
    reason          VARCHAR     NOT NULL,
    detail          VARCHAR,
    raw_line        VARCHAR,
    kafka_topic     VARCHAR     NOT NULL,
    kafka_partition INTEGER     NOT NULL,
    kafka_offset    BIGINT      NOT NULL,
    loaded_at       TIMESTAMPTZ NOT NULL
);

-- The loader's consumer positions, committed in the same transaction as the rows they cover.
CREATE TABLE pipeline.consumer_offsets (
    consumer        VARCHAR     NOT NULL,
    topic           VARCHAR     NOT NULL,
    kafka_partition INTEGER     NOT NULL,
    next_offset     BIGINT      NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (consumer, topic, kafka_partition)
);

-- How far each input has been replayed (landed from ecommerce.replay.progress).
CREATE TABLE pipeline.replay_sources (
    source     VARCHAR     PRIMARY KEY,
    position   BIGINT      NOT NULL,  -- rows read
    replayed   BIGINT      NOT NULL,  -- rows put on Kafka: the input rows
    skipped    BIGINT      NOT NULL,  -- rows passed over by --sample-per-day
    complete   BOOLEAN     NOT NULL,
    error      VARCHAR,
    updated_at TIMESTAMPTZ NOT NULL
);

-- The loader's last look at Kafka: how many records it had yet to land.
CREATE TABLE pipeline.loader_lag (
    consumer    VARCHAR     PRIMARY KEY,
    kafka_lag   BIGINT      NOT NULL,
    measured_at TIMESTAMPTZ NOT NULL
);
