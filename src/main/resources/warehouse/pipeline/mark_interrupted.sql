-- Attempts without a result when a pipeline starts were cut short by a crash or a kill.
INSERT INTO pipeline.run_results (run_id, task, attempt, ended_at, rows, status, error)
SELECT run_id, task, attempt, ?, NULL, 'failed', 'interrupted (the process stopped during the task)'
FROM pipeline.runs
WHERE status = 'running';
