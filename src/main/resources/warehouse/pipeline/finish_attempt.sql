INSERT INTO pipeline.run_results (ended_at, rows, status, error, run_id, task, attempt)
VALUES (?, ?, ?, ?, ?, ?, ?);
