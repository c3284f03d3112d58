-- Each staged row replaces the processed row with its key (the stage holds one row per key); the
-- stage is then emptied for the next batch.
INSERT OR REPLACE INTO live.processed.${table} SELECT * FROM temp.main.stage_${aggregate};
DELETE FROM temp.main.stage_${aggregate};
