-- Each staged row replaces the processed row with its key (the stage holds one row per key).
INSERT OR REPLACE INTO processed.${table} SELECT * FROM pipeline.stage_${aggregate};
