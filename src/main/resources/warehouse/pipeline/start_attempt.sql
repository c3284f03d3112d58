INSERT INTO pipeline.run_attempts (run_id, segment, task, attempt, started_at)
VALUES (?, ?, ?, ?, ?);
