-- True when DuckDB's hash() no longer gives what it gave when the kept state was built.
SELECT count(*) > 0 FROM pipeline.hash_check WHERE hashed <> hash(probe);
