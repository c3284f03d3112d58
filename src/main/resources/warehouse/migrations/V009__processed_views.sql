-- The processed layer moved to the live file (migrations/live/L001__processed.sql): its tables here
-- become views of that file's, so every reader still names processed.*. The rows are not copied
-- (one transaction writes to one file): the live job's checkpoints moved with this change, so the
-- job recomputes every aggregate from the raw topic, and the processed loader, whose positions
-- start afresh in the live file, lands them again.
DROP VIEW processed.trending_complete_slides;
DROP TABLE processed.funnel_minute;
DROP TABLE processed.session_funnel;
DROP TABLE processed.trending_products;
DROP TABLE processed.late_events;
DELETE FROM pipeline.consumer_offsets WHERE consumer = 'aggregate-loader';

CREATE VIEW processed.funnel_minute AS SELECT * FROM live.processed.funnel_minute;
CREATE VIEW processed.session_funnel AS SELECT * FROM live.processed.session_funnel;
CREATE VIEW processed.trending_products AS SELECT * FROM live.processed.trending_products;
CREATE VIEW processed.late_events AS SELECT * FROM live.processed.late_events;

-- As in V006: a slide is complete when it has its 10 ranks or, when fewer than 10 products were
-- seen in its hour, when its ranks have no gaps and it is either not the newest slide or was last
-- written to more than 2 s ago (a batch cut in the middle of a slide is finished well within that).
CREATE VIEW processed.trending_complete_slides AS
WITH slides AS (
    SELECT window_end, count(*) AS shown, max(rank) AS last_rank, max(updated_at) AS landed_at
    FROM processed.trending_products
    WHERE rank <= 10
    GROUP BY window_end
)
SELECT window_end
FROM slides
WHERE shown = 10
   OR (shown = last_rank
       AND (window_end < (SELECT max(window_end) FROM processed.trending_products)
            OR landed_at < now() - INTERVAL 2 SECOND));
