SELECT reason, count(*) AS rows
FROM raw.quarantine
GROUP BY reason
ORDER BY rows DESC, reason;
