SELECT source, replayed, skipped, complete, error
FROM pipeline.replay_sources
ORDER BY updated_at, source;
