-- Revenue, orders (a session's purchases on one day; a purchase without a session is an order of
-- its own), buyers and average order value per UTC day; every day with events has a row.
CREATE TABLE reporting.daily_revenue (
    day                 DATE           PRIMARY KEY,
    revenue             DECIMAL(18, 6) NOT NULL,
    orders              BIGINT         NOT NULL,
    buyers              BIGINT         NOT NULL,
    average_order_value DECIMAL(18, 2)
);

-- Purchases per UTC day and category (null category_code as 'unknown').
CREATE TABLE reporting.category_revenue_daily (
    day           DATE           NOT NULL,
    category_code VARCHAR        NOT NULL,
    revenue       DECIMAL(18, 6) NOT NULL,
    purchases     BIGINT         NOT NULL,
    PRIMARY KEY (day, category_code)
);

-- Purchases per UTC day and brand (null brand as 'unknown').
CREATE TABLE reporting.brand_revenue_daily (
    day       DATE           NOT NULL,
    brand     VARCHAR        NOT NULL,
    revenue   DECIMAL(18, 6) NOT NULL,
    purchases BIGINT         NOT NULL,
    buyers    BIGINT         NOT NULL,
    PRIMARY KEY (day, brand)
);

-- The ordered session funnel (view, then a cart at or after the first view, then a purchase at or
-- after the first such cart), each session on the UTC day of its first view.
CREATE TABLE reporting.session_funnel_daily (
    day                DATE    PRIMARY KEY,
    viewed             BIGINT  NOT NULL,
    carted             BIGINT  NOT NULL,
    purchased          BIGINT  NOT NULL,
    view_to_cart       DOUBLE,
    cart_to_purchase   DOUBLE,
    view_to_purchase   DOUBLE,
    dropped_after_view BIGINT  NOT NULL,
    dropped_after_cart BIGINT  NOT NULL
);

-- The same funnel over each session's events of one category, on the day of its first view there.
CREATE TABLE reporting.session_funnel_category_daily (
    day                DATE    NOT NULL,
    category_code      VARCHAR NOT NULL,
    viewed             BIGINT  NOT NULL,
    carted             BIGINT  NOT NULL,
    purchased          BIGINT  NOT NULL,
    view_to_cart       DOUBLE,
    cart_to_purchase   DOUBLE,
    view_to_purchase   DOUBLE,
    dropped_after_view BIGINT  NOT NULL,
    dropped_after_cart BIGINT  NOT NULL,
    PRIMARY KEY (day, category_code)
);

-- The same funnel over each session's events of one brand, on the day of its first view there.
CREATE TABLE reporting.session_funnel_brand_daily (
    day                DATE    NOT NULL,
    brand              VARCHAR NOT NULL,
    viewed             BIGINT  NOT NULL,
    carted             BIGINT  NOT NULL,
    purchased          BIGINT  NOT NULL,
    view_to_cart       DOUBLE,
    cart_to_purchase   DOUBLE,
    view_to_purchase   DOUBLE,
    dropped_after_view BIGINT  NOT NULL,
    dropped_after_cart BIGINT  NOT NULL,
    PRIMARY KEY (day, brand)
);

-- Per product, all time: events by type, step rates, revenue, and the value of its carts in
-- sessions that never bought it.
CREATE TABLE reporting.product_funnel (
    product_id       BIGINT         PRIMARY KEY,
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

-- Sessions with a cart and no purchase at all: who, how many carts, what they were worth.
CREATE TABLE reporting.abandoned_carts (
    user_session  VARCHAR        PRIMARY KEY,
    user_id       BIGINT         NOT NULL,
    day           DATE           NOT NULL,  -- UTC day of the session's last cart
    carts         BIGINT         NOT NULL,
    products      BIGINT         NOT NULL,
    cart_value    DECIMAL(18, 6) NOT NULL
);

-- Distinct users and sessions per UTC day and event type.
CREATE TABLE reporting.daily_active (
    day        DATE    NOT NULL,
    event_type VARCHAR NOT NULL,
    events     BIGINT  NOT NULL,
    users      BIGINT  NOT NULL,
    sessions   BIGINT  NOT NULL,
    PRIMARY KEY (day, event_type)
);

-- Per UTC month: events, users, sessions, revenue, and the share of sessions with a purchase.
CREATE TABLE reporting.monthly_summary (
    month               DATE           PRIMARY KEY,  -- the month's first day
    events              BIGINT         NOT NULL,
    users               BIGINT         NOT NULL,
    sessions            BIGINT         NOT NULL,
    purchasing_sessions BIGINT         NOT NULL,
    revenue             DECIMAL(18, 6) NOT NULL,
    conversion          DOUBLE
);

-- Ids of transform runs.
CREATE SEQUENCE pipeline.transform_run_ids START 1;

-- Every transform run: what it covered (events loaded after since, up to loaded_up_to), the days
-- it rebuilt, the rows it wrote, how it ended.
CREATE TABLE pipeline.transform_runs (
    run_id       BIGINT      PRIMARY KEY,
    started_at   TIMESTAMPTZ NOT NULL,
    finished_at  TIMESTAMPTZ NOT NULL,
    since        TIMESTAMPTZ,
    loaded_up_to TIMESTAMPTZ,
    days_rebuilt INTEGER     NOT NULL,
    first_day    DATE,
    last_day     DATE,
    rows_written BIGINT      NOT NULL,
    status       VARCHAR     NOT NULL,  -- ok or failed
    error        VARCHAR
);
