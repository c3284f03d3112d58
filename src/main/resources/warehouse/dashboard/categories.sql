-- The top-level categories seen (first part of category_code, 'unknown' for none): from the live
-- minute funnel and from the batch layer, so the list is there with or without the streaming job.
SELECT category FROM processed.funnel_minute WHERE category <> 'all'
UNION
SELECT split_part(category_code, '.', 1) FROM reporting.category_revenue_daily
ORDER BY category;
