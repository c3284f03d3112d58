-- Rows per Kafka partition, kept by the raw loader with the batch they describe:
--   counter 'sent:<source>'   the rows the replay of that input has put in the partition, as its
--                             latest progress record counts them (running totals);
--   counter 'passed:<consumer>' the counted rows the loader has taken from the partition.
-- A partition's rows are landed only while passed < the sum of sent, so the landed rows never
-- outnumber the input rows that progress records have counted (see land/ProgressGate.java).
CREATE TABLE pipeline.row_counts (
    counter         VARCHAR     NOT NULL,
    topic           VARCHAR     NOT NULL,
    kafka_partition INTEGER     NOT NULL,
    row_count       BIGINT      NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (counter, topic, kafka_partition)
);
