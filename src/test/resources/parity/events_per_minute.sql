-- The batch truth for report events-per-minute: every landed event once (repeats are in
-- raw.duplicates), counted per UTC minute and event type.
SELECT strftime(date_trunc('minute', event_time), '%Y-%m-%d %H:%M') AS minute, event_type, count(*) AS events
FROM raw.events
GROUP BY ALL
ORDER BY minute, event_type;
