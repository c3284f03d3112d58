-- The session-keyed state (pipeline.session_spans, month_sessions, session_carts) is found by
-- DuckDB's hash() of the session id, kept in the tables. hash() is DuckDB's own and may change in a
-- DuckDB upgrade; the kept hashes would then no longer find their sessions, and the incremental
-- runs would count sessions twice. This row holds what hash() gave for a fixed text when the state
-- was built: a run that gets another value rebuilds the state first (transform/hash_changed.sql,
-- reset_state.sql), and the runs before it get the status 'superseded'.
CREATE TABLE pipeline.hash_check (
    probe  VARCHAR NOT NULL,
    hashed UBIGINT NOT NULL
);
INSERT INTO pipeline.hash_check VALUES ('funnelstream session hash check', hash('funnelstream session hash check'));
