-- The run's working tables go with it.
DROP TABLE funnel_events;
DROP TABLE funnel_days;
DROP TABLE touched_products;
DROP TABLE touched_sessions;
DROP TABLE dirty_months;
DROP TABLE dirty_days;
DROP TABLE new_events;
DROP TABLE transform_scope;
