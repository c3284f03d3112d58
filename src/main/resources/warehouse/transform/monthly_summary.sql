-- The new events' users and sessions join their months' members (the monthly distinct counts come
-- from these, not from rescanning the months). Only the rebuilt months' members that are among the
-- new events' users or sessions are read: DuckDB then builds its hash table on the few new ones and
-- streams the months' members past it, instead of the other way round. Members are added in month
-- order, so that DuckDB skips the row groups of other months.
CREATE TEMP TABLE month_user_changes AS
SELECT DISTINCT CAST(date_trunc('month', day) AS DATE) AS month, user_id FROM new_events;

INSERT INTO pipeline.month_users (month, user_id)
SELECT month, user_id
FROM (
    SELECT month, user_id FROM month_user_changes
    EXCEPT
    SELECT month, user_id
    FROM pipeline.month_users
    WHERE month BETWEEN getvariable('months_from') AND getvariable('months_to')
      AND user_id IN (SELECT user_id FROM month_user_changes)
)
ORDER BY month;

DROP TABLE month_user_changes;

-- A table, not a CTE: with its size known, DuckDB builds the join below on it. The hash is taken
-- once per session after grouping, not per event as part of the grouping key.
CREATE TEMP TABLE new_month_sessions AS
SELECT month, user_session, hash(user_session) AS session_hash, purchased
FROM (
    SELECT CAST(date_trunc('month', day) AS DATE) AS month, user_session,
           bool_or(event_type = 'purchase') AS purchased
    FROM new_events
    WHERE user_session IS NOT NULL
    GROUP BY ALL
);

-- The rebuilt months' members with a new session's hash: matching an 8-byte hash is far cheaper
-- than matching the id over a month's million sessions. The ids are compared below, on these few.
CREATE TEMP TABLE month_session_candidates AS
SELECT rowid AS member_row, month, user_session, purchased
FROM pipeline.month_sessions
WHERE month BETWEEN getvariable('months_from') AND getvariable('months_to')
  AND session_hash IN (SELECT session_hash FROM new_month_sessions);

CREATE TEMP TABLE month_session_changes AS
SELECT n.month, n.user_session, n.session_hash, n.purchased, m.purchased AS was_purchased, m.member_row
FROM new_month_sessions n
LEFT JOIN month_session_candidates m ON m.month = n.month AND m.user_session = n.user_session;

DROP TABLE month_session_candidates;
DROP TABLE new_month_sessions;

-- By the rows the lookup above found: DuckDB then reads only their row groups, not the month's
-- sessions again.
UPDATE pipeline.month_sessions
SET purchased = true
WHERE rowid IN (SELECT member_row FROM month_session_changes WHERE purchased AND NOT was_purchased);

INSERT INTO pipeline.month_sessions (month, user_session, purchased, session_hash)
SELECT month, user_session, purchased, session_hash
FROM month_session_changes
WHERE was_purchased IS NULL
ORDER BY month;

DROP TABLE month_session_changes;

-- Forget the rebuilt months.
DELETE FROM reporting.monthly_summary WHERE month IN (SELECT month FROM dirty_months);

-- Events, users, sessions, revenue and session conversion (sessions with a purchase in the month
-- over sessions with an event in it) of every rebuilt month; events and revenue from the day tables
-- this run has just rebuilt.
INSERT INTO reporting.monthly_summary (month, events, users, sessions, purchasing_sessions, revenue, conversion)
WITH events AS (
    SELECT CAST(date_trunc('month', day) AS DATE) AS month, sum(events) AS events
    FROM reporting.daily_active
    WHERE day >= getvariable('months_from') AND day < getvariable('months_to') + INTERVAL 1 MONTH
    GROUP BY 1
), revenue AS (
    SELECT CAST(date_trunc('month', day) AS DATE) AS month, sum(revenue) AS revenue
    FROM reporting.daily_revenue
    WHERE day >= getvariable('months_from') AND day < getvariable('months_to') + INTERVAL 1 MONTH
    GROUP BY 1
), users AS (
    SELECT month, count(*) AS users
    FROM pipeline.month_users
    WHERE month BETWEEN getvariable('months_from') AND getvariable('months_to')
    GROUP BY month
), sessions AS (
    SELECT month, count(*) AS sessions, count(*) FILTER (WHERE purchased) AS purchasing_sessions
    FROM pipeline.month_sessions
    WHERE month BETWEEN getvariable('months_from') AND getvariable('months_to')
    GROUP BY month
)
SELECT d.month, e.events, u.users, coalesce(s.sessions, 0), coalesce(s.purchasing_sessions, 0),
       coalesce(r.revenue, 0),
       CAST(s.purchasing_sessions AS DOUBLE) / nullif(s.sessions, 0)
FROM dirty_months d
JOIN events e ON e.month = d.month
JOIN users u ON u.month = d.month
LEFT JOIN sessions s ON s.month = d.month
LEFT JOIN revenue r ON r.month = d.month;
