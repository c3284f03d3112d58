-- The spans of the sessions with new events, merged with the spans earlier runs kept (only those
-- sessions' rows are read from the kept spans: the hashes find their row ids, then only those rows
-- are read, not the times of every row the hash filter looks at).
CREATE TEMP TABLE touched_spans AS
WITH n AS (
    SELECT hash(user_session) AS session_hash, min(event_time) AS first_time, max(event_time) AS last_time
    FROM new_events
    WHERE user_session IS NOT NULL
    GROUP BY 1
)
SELECT n.session_hash,
       least(n.first_time, coalesce(s.first_time, n.first_time))   AS first_time,
       greatest(n.last_time, coalesce(s.last_time, n.last_time))   AS last_time,
       s.span_row,
       s.span_row IS NULL OR n.first_time < s.first_time OR n.last_time > s.last_time AS changed
FROM n
LEFT JOIN (
    SELECT rowid AS span_row, *
    FROM pipeline.session_spans
    WHERE rowid IN (SELECT rowid FROM pipeline.session_spans WHERE session_hash IN (SELECT session_hash FROM n))
) s ON s.session_hash = n.session_hash;

-- The kept spans that the new events widen are replaced, found by the row ids the lookup above
-- read (DuckDB then skips every other row group, instead of matching 8M hashes again); the spans
-- the new events fall within stay as they are.
DELETE FROM pipeline.session_spans
WHERE rowid IN (SELECT span_row FROM touched_spans WHERE changed AND span_row IS NOT NULL);

-- In time order, so that the lookups by time below skip the row groups of other times.
INSERT INTO pipeline.session_spans (session_hash, first_time, last_time)
SELECT session_hash, first_time, last_time FROM touched_spans WHERE changed ORDER BY first_time;

-- Days whose funnel rows may change (the run records how many): the new events' days, and every day
-- a session with new events spans (a late event can move a session's first view to another day).
-- On the first run every day with events is new already.
CREATE TEMP TABLE funnel_days AS
SELECT day FROM dirty_days
UNION
SELECT DISTINCT DATE '1970-01-01' + CAST(unnest(range(pipeline.utc_day_number(first_time),
                                                      pipeline.utc_day_number(last_time) + 1)) AS INTEGER)
FROM touched_spans
WHERE NOT getvariable('first_run');

-- The span of every session with new events (none are looked up on the first run, which reads
-- every event).
SET VARIABLE sessions_from = (SELECT min(first_time) FROM touched_spans WHERE NOT getvariable('first_run'));
SET VARIABLE sessions_to = (SELECT max(last_time) FROM touched_spans WHERE NOT getvariable('first_run'));

-- Every event of the sessions with new events, old and new (a hash collision brings in another
-- whole session: its span is in the same row; with no new events, it changes nothing below), with
-- the columns the funnels read. Only these sessions can change a funnel: the funnels add up each
-- one's change, its funnel over all its events less its funnel over those loaded before. A view:
-- each funnel scanning these few row groups again costs less than writing them to a temp table.
CREATE TEMP VIEW session_events AS
SELECT user_session, event_type, event_time, coalesce(category_code, 'unknown') AS category_code,
       coalesce(brand, 'unknown') AS brand, loaded_at
FROM raw.events
WHERE event_time >= getvariable('sessions_from') AND event_time <= getvariable('sessions_to')
  AND hash(user_session) IN (SELECT session_hash FROM touched_spans);

-- What the funnels read: those events, or on the first run every event with a session. Of the two
-- branches the variables leave one: DuckDB drops the other before it runs.
CREATE TEMP VIEW funnel_events AS
SELECT user_session, event_type, event_time, coalesce(category_code, 'unknown') AS category_code,
       coalesce(brand, 'unknown') AS brand, loaded_at
FROM raw.events
WHERE getvariable('first_run') AND user_session IS NOT NULL
UNION ALL
SELECT *
FROM session_events
WHERE NOT getvariable('first_run');
