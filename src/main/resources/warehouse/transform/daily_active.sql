-- Forget the rebuilt days.
DELETE FROM reporting.daily_active WHERE day IN (SELECT day FROM dirty_days);

-- Events, distinct users and distinct (non-null) sessions per rebuilt day and event type. One pass
-- over the events groups them by day, type, user and session; the counts come from those groups
-- (10M at 40M events), not from three passes over the events. The distinct counts group first and
-- count after: DuckDB's count(DISTINCT) per group is far slower.
INSERT INTO reporting.daily_active (day, event_type, events, users, sessions)
WITH members AS (
    SELECT day, event_type, user_id, user_session, count(*) AS events
    FROM dirty_day_events
    GROUP BY day, event_type, user_id, user_session
), events AS (
    SELECT day, event_type, sum(events) AS events
    FROM members
    GROUP BY day, event_type
), users AS (
    SELECT day, event_type, count(*) AS users
    FROM (SELECT DISTINCT day, event_type, user_id FROM members)
    GROUP BY day, event_type
), sessions AS (
    SELECT day, event_type, count(*) AS sessions
    FROM (SELECT DISTINCT day, event_type, user_session FROM members WHERE user_session IS NOT NULL)
    GROUP BY day, event_type
)
SELECT e.day, e.event_type, e.events, u.users, coalesce(s.sessions, 0)
FROM events e
JOIN users u ON u.day = e.day AND u.event_type = e.event_type
LEFT JOIN sessions s ON s.day = e.day AND s.event_type = e.event_type;
