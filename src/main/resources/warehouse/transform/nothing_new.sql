-- Whether nothing was loaded after the last successful run (or nothing at all yet): the run then has
-- nothing to rebuild. The same bounds as scope.sql: new means loaded_at after that run's loaded_up_to.
SELECT coalesce(max(loaded_at) <= (SELECT max(loaded_up_to) FROM pipeline.transform_runs WHERE status = 'ok'),
                max(loaded_at) IS NULL)
FROM raw.events;
