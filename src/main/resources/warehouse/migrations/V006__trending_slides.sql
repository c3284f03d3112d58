-- The trending slides landed in full, for the reports to show. The stream writes a slide's rows
-- together, so a slide is complete when it has its 10 ranks or, when fewer than 10 products were
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
