-- The run's time bounds: whole UTC months around every day to rebuild (funnel days include the new
-- events' days). Statements with two parameters get these, so DuckDB can skip row groups by their
-- min/max instead of scanning the whole of raw.events. Null when nothing is to be rebuilt.
SELECT CAST(date_trunc('month', min(day)) AS TIMESTAMPTZ)                     AS starts,
       CAST(date_trunc('month', max(day)) + INTERVAL 1 MONTH AS TIMESTAMPTZ) AS ends
FROM funnel_days;
