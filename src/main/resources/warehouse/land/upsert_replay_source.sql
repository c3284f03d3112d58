INSERT INTO pipeline.replay_sources (source, position, replayed, skipped, complete, error, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (source) DO UPDATE SET
    position = excluded.position, replayed = excluded.replayed, skipped = excluded.skipped,
    complete = excluded.complete, error = excluded.error, updated_at = excluded.updated_at;
