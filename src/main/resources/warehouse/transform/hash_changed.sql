-- The session-keyed state (pipeline.session_spans, month_sessions, session_carts) is found by
-- DuckDB's hash() of the session id, kept in the tables. hash() is DuckDB's own and may change in a
-- DuckDB upgrade; the kept hashes would then no longer find their sessions, and incremental runs
-- would count sessions twice. True when a kept row's hash is not what hash() gives now (one row of
-- each table that keeps the id beside its hash is enough: a changed hash() changes them all).
SELECT EXISTS (SELECT 1 FROM (SELECT * FROM pipeline.month_sessions LIMIT 1)
               WHERE session_hash <> hash(user_session))
    OR EXISTS (SELECT 1 FROM (SELECT * FROM pipeline.session_carts LIMIT 1)
               WHERE session_hash <> hash(user_session));
