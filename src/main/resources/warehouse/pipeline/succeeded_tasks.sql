-- Which (segment, task) pairs are done.
SELECT DISTINCT segment, task
FROM pipeline.runs
WHERE status = 'succeeded';
