-- The processed layer in a file of its own, attached to the warehouse as `live`: the Flink job's
-- live aggregates are committed there every ~100 ms, and a DuckDB commit waits for any commit or
-- checkpoint of the same file. In the warehouse file they waited behind the raw loader's and the
-- reporting transforms' large commits (up to ~2 s); here they wait only for each other. The
-- warehouse file shows these tables as the views processed.* (V009), so readers never name `live`.
-- Rows are upserted by the processed loader on their key: the latest value Flink emitted for it.
-- Replays after a recovery rewrite the same values, so landing is idempotent.
CREATE SCHEMA IF NOT EXISTS live.processed;

-- Per UTC minute and top-level category (first segment of category_code, 'unknown' when null),
-- plus one 'all' row per minute. Late events (behind the watermark) are not in these counts; they
-- are in late_events.
CREATE TABLE live.processed.funnel_minute (
    minute              TIMESTAMPTZ    NOT NULL,
    category            VARCHAR        NOT NULL,
    views               BIGINT         NOT NULL,
    carts               BIGINT         NOT NULL,
    remove_from_carts   BIGINT         NOT NULL,
    purchases           BIGINT         NOT NULL,
    revenue             DECIMAL(18, 6) NOT NULL,
    sessions_viewed     BIGINT         NOT NULL,
    sessions_carted     BIGINT         NOT NULL,
    sessions_purchased  BIGINT         NOT NULL,
    updated_at          TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (minute, category)
);

-- The ordered session funnel per UTC hour of each session's first view: sessions that viewed; of
-- those, that carted at or after the first view; of those, that bought at or after that cart.
CREATE TABLE live.processed.session_funnel (
    hour        TIMESTAMPTZ NOT NULL PRIMARY KEY,
    viewed      BIGINT      NOT NULL,
    carted      BIGINT      NOT NULL,
    purchased   BIGINT      NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

-- Every 5 minutes of event time, the top 10 products by views over the hour before window_end.
-- previous_rank is the product's rank in the slide 5 minutes earlier (null: not in its top 20).
CREATE TABLE live.processed.trending_products (
    window_end     TIMESTAMPTZ    NOT NULL,
    rank           INTEGER        NOT NULL,
    product_id     BIGINT         NOT NULL,
    views          BIGINT         NOT NULL,
    carts          BIGINT         NOT NULL,
    purchases      BIGINT         NOT NULL,
    revenue        DECIMAL(18, 6) NOT NULL,
    brand          VARCHAR,
    category_code  VARCHAR,
    previous_rank  INTEGER,
    updated_at     TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (window_end, rank)
);

-- Events that reached the job behind its watermark, per UTC minute of their event time: they are
-- left out of funnel_minute and trending_products (the batch layer still counts them).
CREATE TABLE live.processed.late_events (
    minute      TIMESTAMPTZ NOT NULL PRIMARY KEY,
    events      BIGINT      NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

-- The processed loader's Kafka positions, committed with its rows (so in this file: a transaction
-- writes to one file only).
CREATE TABLE live.pipeline.consumer_offsets (
    consumer        VARCHAR     NOT NULL,
    topic           VARCHAR     NOT NULL,
    kafka_partition INTEGER     NOT NULL,
    next_offset     BIGINT      NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (consumer, topic, kafka_partition)
);
