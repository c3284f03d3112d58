-- The UTC day of an instant, by integer arithmetic on its epoch microseconds: the same day as
-- CAST(t AT TIME ZONE 'UTC' AS DATE), about ten times faster over millions of events (that one goes
-- through the time zone library). Floor division, so instants before 1970 fall on the right day.
CREATE MACRO pipeline.utc_day_number(t) AS
    (epoch_us(t) - ((epoch_us(t) % 86400000000) + 86400000000) % 86400000000) // 86400000000;
CREATE MACRO pipeline.utc_day(t) AS DATE '1970-01-01' + CAST(pipeline.utc_day_number(t) AS INTEGER);

-- What the transforms keep from run to run, so that a run after one new day reads that day and the
-- sessions around it, not all of history. Each holds what the runs so far have covered.

-- Each session's first and last event time, by a hash of user_session: where a later run finds all
-- of a session's events. Sessions whose hashes collide share a row, which only widens the span.
CREATE TABLE pipeline.session_spans (
    session_hash UBIGINT     NOT NULL,
    first_time   TIMESTAMPTZ NOT NULL,
    last_time    TIMESTAMPTZ NOT NULL
);

-- The users and sessions seen in each UTC month (for the monthly distinct counts).
CREATE TABLE pipeline.month_users (
    month   DATE   NOT NULL,
    user_id BIGINT NOT NULL
);
CREATE TABLE pipeline.month_sessions (
    month        DATE    NOT NULL,
    user_session VARCHAR NOT NULL,
    purchased    BOOLEAN NOT NULL  -- the session bought something in that month
);

-- Per product, all time: events by type, revenue, and its latest non-null category and brand with
-- when they were seen (a catalog can recode a product).
CREATE TABLE pipeline.product_totals (
    product_id    BIGINT         NOT NULL,
    category_code VARCHAR,
    category_seen TIMESTAMPTZ,
    brand         VARCHAR,
    brand_seen    TIMESTAMPTZ,
    views         BIGINT         NOT NULL,
    carts         BIGINT         NOT NULL,
    purchases     BIGINT         NOT NULL,
    revenue       DECIMAL(18, 6) NOT NULL
);

-- Per session and product it carted: the carts' value and whether the session bought the product.
CREATE TABLE pipeline.session_carts (
    user_session VARCHAR        NOT NULL,
    product_id   BIGINT         NOT NULL,
    cart_value   DECIMAL(18, 6) NOT NULL,
    bought       BOOLEAN        NOT NULL
);

-- product_funnel and abandoned_carts without their primary keys: an incremental run replaces
-- tens of thousands of their rows, and keeping the key index cost more than the rest of that
-- work. The transforms write each key once (one GROUP BY per table); the tests check it.
CREATE TABLE reporting.product_funnel_unkeyed (
    product_id       BIGINT         NOT NULL,
    category_code    VARCHAR        NOT NULL,
    brand            VARCHAR        NOT NULL,
    views            BIGINT         NOT NULL,
    carts            BIGINT         NOT NULL,
    purchases        BIGINT         NOT NULL,
    view_to_cart     DOUBLE,
    cart_to_purchase DOUBLE,
    revenue          DECIMAL(18, 6) NOT NULL,
    abandoned_value  DECIMAL(18, 6) NOT NULL
);
INSERT INTO reporting.product_funnel_unkeyed SELECT * FROM reporting.product_funnel;
DROP TABLE reporting.product_funnel;
ALTER TABLE reporting.product_funnel_unkeyed RENAME TO product_funnel;

CREATE TABLE reporting.abandoned_carts_unkeyed (
    user_session  VARCHAR        NOT NULL,
    user_id       BIGINT         NOT NULL,
    day           DATE           NOT NULL,  -- UTC day of the session's last cart
    carts         BIGINT         NOT NULL,
    products      BIGINT         NOT NULL,
    cart_value    DECIMAL(18, 6) NOT NULL
);
INSERT INTO reporting.abandoned_carts_unkeyed SELECT * FROM reporting.abandoned_carts;
DROP TABLE reporting.abandoned_carts;
ALTER TABLE reporting.abandoned_carts_unkeyed RENAME TO abandoned_carts;

-- A warehouse that ran the transforms before these tables existed: fill them with what its runs
-- covered (the events loaded up to the last successful run), so its next run goes on from there.
CREATE TEMP VIEW covered AS
SELECT e.*
FROM raw.events e
WHERE e.loaded_at <= (SELECT max(loaded_up_to) FROM pipeline.transform_runs WHERE status = 'ok');

INSERT INTO pipeline.session_spans
SELECT hash(user_session), min(event_time), max(event_time)
FROM covered
WHERE user_session IS NOT NULL
GROUP BY hash(user_session);

INSERT INTO pipeline.month_users
SELECT DISTINCT CAST(date_trunc('month', pipeline.utc_day(event_time)) AS DATE), user_id
FROM covered;

INSERT INTO pipeline.month_sessions
SELECT CAST(date_trunc('month', pipeline.utc_day(event_time)) AS DATE), user_session, bool_or(event_type = 'purchase')
FROM covered
WHERE user_session IS NOT NULL
GROUP BY ALL;

INSERT INTO pipeline.product_totals
SELECT product_id,
       arg_max(category_code, event_time), max(event_time) FILTER (WHERE category_code IS NOT NULL),
       arg_max(brand, event_time), max(event_time) FILTER (WHERE brand IS NOT NULL),
       count(*) FILTER (WHERE event_type = 'view'),
       count(*) FILTER (WHERE event_type = 'cart'),
       count(*) FILTER (WHERE event_type = 'purchase'),
       coalesce(sum(price) FILTER (WHERE event_type = 'purchase'), 0)
FROM covered
GROUP BY product_id;

INSERT INTO pipeline.session_carts
SELECT user_session, product_id,
       sum(price) FILTER (WHERE event_type = 'cart'),
       bool_or(event_type = 'purchase')
FROM covered
WHERE user_session IS NOT NULL AND event_type IN ('cart', 'purchase')
GROUP BY user_session, product_id
HAVING count(*) FILTER (WHERE event_type = 'cart') > 0;

DROP VIEW covered;
