-- Loads a staged batch (written by the loader as CSV) into the raw layer, inside the batch's
-- transaction. The staged file's path is the second parameter: it lies under the user's data dir.
INSERT INTO raw.events
SELECT event_id, event_time, event_type, product_id, category_id, category_code, brand, price,
       user_id, user_session, kafka_partition, kafka_offset, ?
FROM read_csv(?, header = false, auto_detect = false, delim = ',', quote = '"',
              escape = '"', nullstr = '\N', allow_quoted_nulls = false,
              columns = {'event_id': 'BIGINT', 'event_time': 'TIMESTAMPTZ', 'event_type': 'VARCHAR',
                         'product_id': 'BIGINT', 'category_id': 'BIGINT', 'category_code': 'VARCHAR',
                         'brand': 'VARCHAR', 'price': 'DECIMAL(18, 6)', 'user_id': 'BIGINT',
                         'user_session': 'VARCHAR', 'kafka_partition': 'INTEGER', 'kafka_offset': 'BIGINT'});
INSERT INTO raw.duplicates
SELECT event_id, event_time, kafka_partition, kafka_offset, ?
FROM read_csv(?, header = false, auto_detect = false, delim = ',',
              columns = {'event_id': 'BIGINT', 'event_time': 'TIMESTAMPTZ',
                         'kafka_partition': 'INTEGER', 'kafka_offset': 'BIGINT'});
