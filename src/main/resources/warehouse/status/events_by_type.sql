SELECT event_type, count(*) AS events
FROM raw.events
GROUP BY event_type
ORDER BY events DESC, event_type;
