-- The processed loader stages its batches in TEMP tables now (in memory, kept out of the
-- write-ahead log); the persistent stages it used before are dropped.
DROP TABLE IF EXISTS pipeline.stage_funnel_minute;
DROP TABLE IF EXISTS pipeline.stage_session_funnel;
DROP TABLE IF EXISTS pipeline.stage_trending;
DROP TABLE IF EXISTS pipeline.stage_late_events;
