-- A stage with the processed table's columns, emptied for the batch; the loader appends the
-- batch's latest row per key to it (appending is far faster than row-by-row upserts).
CREATE TABLE IF NOT EXISTS pipeline.stage_${aggregate} AS SELECT * FROM processed.${table} LIMIT 0;
DELETE FROM pipeline.stage_${aggregate};
