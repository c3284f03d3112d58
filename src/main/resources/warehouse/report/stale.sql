-- Whether events were loaded after the last successful transform run (or never transformed).
SELECT coalesce(
    (SELECT max(loaded_at) FROM raw.events)
        > (SELECT max(loaded_up_to) FROM pipeline.transform_runs WHERE status = 'ok'),
    (SELECT count(*) FROM raw.events) > 0) AS stale;
