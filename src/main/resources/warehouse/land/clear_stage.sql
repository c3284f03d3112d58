DELETE FROM raw_events_stage;
