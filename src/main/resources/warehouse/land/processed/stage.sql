-- A stage with the processed table's columns, created once per connection; the loader appends the
-- batch's latest row per key to it (appending is far faster than row-by-row upserts). A TEMP table
-- lives in memory: its rows, there for one batch, never go through the write-ahead log.
CREATE TEMP TABLE IF NOT EXISTS stage_${aggregate} AS SELECT * FROM live.processed.${table} LIMIT 0;
