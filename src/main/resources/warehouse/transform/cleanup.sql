-- The run's working tables go with it.
DROP TABLE abandoned_change;
DROP VIEW funnel_events;
DROP VIEW session_events;
DROP TABLE funnel_days;
DROP TABLE touched_spans;
DROP VIEW dirty_day_events;
DROP TABLE dirty_months;
DROP TABLE dirty_days;
DROP VIEW new_events;
