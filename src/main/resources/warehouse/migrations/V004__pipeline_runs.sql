-- The scheduled pipeline's runs, kept append-only: a row when an attempt of a task starts and a row
-- when it ends, never an update, so a crash mid-task leaves an attempt with a start and no end.
CREATE TABLE pipeline.run_attempts (
    run_id     BIGINT      NOT NULL,  -- one pipeline run works on one segment
    segment    VARCHAR     NOT NULL,  -- the month, e.g. 2019-10
    task       VARCHAR     NOT NULL,  -- replay, then transform
    attempt    INTEGER     NOT NULL,
    started_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE pipeline.run_results (
    run_id   BIGINT      NOT NULL,
    task     VARCHAR     NOT NULL,
    attempt  INTEGER     NOT NULL,
    ended_at TIMESTAMPTZ NOT NULL,
    rows     BIGINT,
    status   VARCHAR     NOT NULL,  -- succeeded or failed
    error    VARCHAR
);

-- One row per attempt: status 'running' until it has a result.
CREATE VIEW pipeline.runs AS
SELECT a.run_id, a.segment, a.task, a.attempt, a.started_at, r.ended_at, r.rows,
       coalesce(r.status, 'running') AS status, r.error
FROM pipeline.run_attempts a
LEFT JOIN pipeline.run_results r
       ON r.run_id = a.run_id AND r.task = a.task AND r.attempt = a.attempt;
