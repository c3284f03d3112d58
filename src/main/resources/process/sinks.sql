-- The job's results: one upsert-kafka topic per aggregate, Avro values (plain binary, no registry;
-- times are UTC wall-clock TIMESTAMP(3), as Avro has no zoned timestamp Flink can write;
-- the schemas are checked in under schemas/avro/). Each topic keeps the latest value per key.
CREATE TABLE funnel_minute_sink (
    `minute`            TIMESTAMP(3) NOT NULL,
    category            STRING NOT NULL,
    `views`               BIGINT NOT NULL,
    carts               BIGINT NOT NULL,
    remove_from_carts   BIGINT NOT NULL,
    purchases           BIGINT NOT NULL,
    revenue             DECIMAL(18, 6) NOT NULL,
    sessions_viewed     BIGINT NOT NULL,
    sessions_carted     BIGINT NOT NULL,
    sessions_purchased  BIGINT NOT NULL,
    PRIMARY KEY (`minute`, category) NOT ENFORCED
) WITH (
    'connector' = 'upsert-kafka',
    'topic' = '${funnel_minute_topic}',
    -- Unbuffered: MinuteFunnelFunction already sends each key at most once per emit interval.
    ${unbuffered_sink_options}
);

CREATE TABLE session_funnel_sink (
    `hour`     TIMESTAMP(3) NOT NULL,
    viewed     BIGINT NOT NULL,
    carted     BIGINT NOT NULL,
    purchased  BIGINT NOT NULL,
    PRIMARY KEY (`hour`) NOT ENFORCED
) WITH (
    'connector' = 'upsert-kafka',
    'topic' = '${session_funnel_topic}',
    ${sink_options}
);

CREATE TABLE trending_sink (
    window_end     TIMESTAMP(3) NOT NULL,
    `rank`         INT NOT NULL,
    product_id     BIGINT NOT NULL,
    `views`          BIGINT NOT NULL,
    carts          BIGINT NOT NULL,
    purchases      BIGINT NOT NULL,
    revenue        DECIMAL(18, 6) NOT NULL,
    brand          STRING,
    category_code  STRING,
    previous_rank  INT,
    PRIMARY KEY (window_end, `rank`) NOT ENFORCED
) WITH (
    'connector' = 'upsert-kafka',
    'topic' = '${trending_topic}',
    ${sink_options}
);

CREATE TABLE late_events_sink (
    `minute`  TIMESTAMP(3) NOT NULL,
    events    BIGINT NOT NULL,
    PRIMARY KEY (`minute`) NOT ENFORCED
) WITH (
    'connector' = 'upsert-kafka',
    'topic' = '${late_events_topic}',
    ${sink_options}
)
