package dev.funnelstream.transform;

import dev.funnelstream.generate.GeneratorSettings;
import dev.funnelstream.generate.ShopFileWriter;
import dev.funnelstream.read.InputFiles;
import dev.funnelstream.warehouse.DuckDbWarehouse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static dev.funnelstream.transform.TestWarehouse.rows;
import static org.assertj.core.api.Assertions.assertThat;

class TransformsTest {
    private static final String FIRST_LOAD = "2024-01-01T00:00:00Z";
    private static final String LATER_LOAD = "2024-01-02T00:00:00Z";

    @TempDir
    Path dir;
    private DuckDbWarehouse warehouse;
    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        warehouse = TestWarehouse.open(dir);
        c = warehouse.connect();
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
        warehouse.close();
    }

    @Test
    void dailyRevenueCountsOrdersBuyersAndAverageOrderValuePerUtcDay() throws SQLException {
        RawEvents.shop().load(c, FIRST_LOAD);

        Transforms.run(c);

        assertThat(rows(c, "SELECT day, revenue, orders, buyers, average_order_value FROM reporting.daily_revenue ORDER BY day"))
                .containsExactly("2019-10-01|170.000000|3|3|56.67", "2019-10-02|100.000000|3|3|33.33");
    }

    @Test
    void revenueByCategoryAndBrandReportNullsAsUnknown() throws SQLException {
        RawEvents.shop().load(c, FIRST_LOAD);

        Transforms.run(c);

        assertThat(rows(c, "SELECT * FROM reporting.category_revenue_daily ORDER BY ALL")).containsExactly(
                "2019-10-01|electronics.audio.headphone|50.000000|1",
                "2019-10-01|electronics.smartphone|100.000000|1",
                "2019-10-01|unknown|20.000000|1",
                "2019-10-02|apparel.shoes|50.000000|1",
                "2019-10-02|electronics.smartphone|30.000000|1",
                "2019-10-02|unknown|20.000000|1");
        assertThat(rows(c, "SELECT * FROM reporting.brand_revenue_daily ORDER BY ALL")).containsExactly(
                "2019-10-01|apple|100.000000|1|1",
                "2019-10-01|sony|50.000000|1|1",
                "2019-10-01|unknown|20.000000|1|1",
                "2019-10-02|nike|50.000000|1|1",
                "2019-10-02|samsung|30.000000|1|1",
                "2019-10-02|unknown|20.000000|1|1");
    }

    @Test
    void sessionFunnelIsOrderedAndCountsEachSessionOnTheDayOfItsFirstView() throws SQLException {
        RawEvents.shop().load(c, FIRST_LOAD);

        Transforms.run(c);

        // Oct 1: s1 (all steps), s2 (bought without a cart: view only), s3 (cart after its
        // purchase: view and cart), s4 (viewed at 23:50, carted and bought on Oct 2).
        // Oct 2: s5 (view, cart), s7 (all steps); s6 carted without a view and is not in the funnel.
        assertThat(rows(c, "SELECT day, viewed, carted, purchased, dropped_after_view, dropped_after_cart,"
                + " round(view_to_cart, 4), round(cart_to_purchase, 4), round(view_to_purchase, 4)"
                + " FROM reporting.session_funnel_daily ORDER BY day")).containsExactly(
                "2019-10-01|4|3|2|1|1|0.75|0.6667|0.5",
                "2019-10-02|2|2|1|0|1|1.0|0.5|0.5");
    }

    @Test
    void funnelByCategoryAndBrandOnlyFollowsThatCategorysOrBrandsEvents() throws SQLException {
        RawEvents.shop().load(c, FIRST_LOAD);

        Transforms.run(c);

        assertThat(rows(c, "SELECT day, category_code, viewed, carted, purchased"
                + " FROM reporting.session_funnel_category_daily ORDER BY ALL")).containsExactly(
                "2019-10-01|electronics.audio.headphone|1|1|0",
                "2019-10-01|electronics.smartphone|2|2|2",
                "2019-10-01|unknown|1|0|0",
                "2019-10-02|apparel.shoes|1|1|1",
                "2019-10-02|appliances.kitchen|1|1|0");
        assertThat(rows(c, "SELECT day, brand, viewed, carted, purchased"
                + " FROM reporting.session_funnel_brand_daily ORDER BY ALL")).containsExactly(
                "2019-10-01|apple|1|1|1",
                "2019-10-01|samsung|1|1|1",
                "2019-10-01|sony|1|1|0",
                "2019-10-01|unknown|1|0|0",
                "2019-10-02|nike|1|1|1",
                "2019-10-02|unknown|1|1|0");
    }

    @Test
    void productFunnelValuesCartsNeverBoughtInTheirSession() throws SQLException {
        RawEvents.shop().load(c, FIRST_LOAD);

        Transforms.run(c);

        // 1001: carted in s1 (bought there) and s6 (never bought): 100 abandoned.
        // 1003: carted after it was bought in s3: bought in that session, nothing abandoned.
        assertThat(rows(c, "SELECT product_id, category_code, brand, views, carts, purchases,"
                + " round(view_to_cart, 4), round(cart_to_purchase, 4), revenue, abandoned_value"
                + " FROM reporting.product_funnel ORDER BY product_id")).containsExactly(
                "1001|electronics.smartphone|apple|1|2|1|2.0|0.5|100.000000|100.000000",
                "1002|unknown|unknown|1|0|2|0.0|null|40.000000|0.000000",
                "1003|electronics.audio.headphone|sony|1|1|1|1.0|1.0|50.000000|0.000000",
                "1004|electronics.smartphone|samsung|1|1|1|1.0|1.0|30.000000|0.000000",
                "1005|appliances.kitchen|unknown|1|1|0|1.0|0.0|0.000000|40.000000",
                "1006|apparel.shoes|nike|1|1|1|1.0|1.0|50.000000|0.000000");
    }

    @Test
    void aProductIsLabelledWithItsLatestNonNullCategoryAndBrandWhateverTheLoadOrder() throws SQLException {
        // Product 7 is relabelled over time; its brand is last known on the 2nd, its category on the
        // 3rd. A late event from the 1st, landed last, must not take the labels back.
        new RawEvents()
                .add("2019-10-01T10:00:00Z", "view", 7, "kids.toys", "lego", "5.00", 1, "a")
                .add("2019-10-02T10:00:00Z", "view", 7, null, "mega", "5.00", 2, "b")
                .add("2019-10-03T10:00:00Z", "cart", 7, "kids.games", null, "5.00", 3, "c")
                .load(c, FIRST_LOAD);
        Transforms.run(c);
        String labels = "SELECT category_code, brand, views, carts FROM reporting.product_funnel WHERE product_id = 7";
        assertThat(rows(c, labels)).containsExactly("kids.games|mega|2|1");

        new RawEvents().startIdsAt(100)
                .add("2019-10-01T09:00:00Z", "view", 7, "toys.old", "oldbrand", "5.00", 4, "d")
                .load(c, LATER_LOAD);
        Transforms.run(c);

        assertThat(rows(c, labels)).containsExactly("kids.games|mega|3|1");
    }

    @Test
    void abandonedCartsAreSessionsWithACartAndNoPurchase() throws SQLException {
        RawEvents.shop().load(c, FIRST_LOAD);

        Transforms.run(c);

        // s3 carted after buying: it bought, so its cart is not abandoned.
        assertThat(rows(c, "SELECT * FROM reporting.abandoned_carts ORDER BY user_session")).containsExactly(
                "s5|5|2019-10-02|1|1|40.000000",
                "s6|1|2019-10-02|1|1|100.000000");
    }

    @Test
    void dailyActiveAndMonthlySummaryCountDistinctUsersAndSessions() throws SQLException {
        RawEvents.shop().load(c, FIRST_LOAD);

        Transforms.run(c);

        assertThat(rows(c, "SELECT * FROM reporting.daily_active ORDER BY ALL")).containsExactly(
                "2019-10-01|cart|2|2|2",
                "2019-10-01|purchase|3|3|3",
                "2019-10-01|view|4|4|4",
                "2019-10-02|cart|4|4|4",
                "2019-10-02|purchase|3|3|2",
                "2019-10-02|view|2|2|2");
        // 7 sessions, 5 of them bought (s1, s2, s3, s4, s7); user 6's purchase had no session.
        assertThat(rows(c, "SELECT month, events, users, sessions, purchasing_sessions, revenue,"
                + " round(conversion, 4) FROM reporting.monthly_summary")).containsExactly(
                "2019-10-01|18|7|7|5|270.000000|0.7143");
    }

    @Test
    void runningTwiceChangesNothing() throws SQLException {
        RawEvents.shop().load(c, FIRST_LOAD);
        Transforms.run(c);
        Map<String, List<String>> first = TestWarehouse.snapshot(c);

        TransformRun second = Transforms.run(c);

        assertThat(TestWarehouse.snapshot(c)).isEqualTo(first);
        assertThat(second.daysRebuilt()).isZero();
        assertThat(second.rowsWritten()).isZero();
    }

    @Test
    void aNewDayRebuildsOnlyThatDay() throws SQLException {
        RawEvents.shop().load(c, FIRST_LOAD);
        TransformRun first = Transforms.run(c);
        Map<String, List<String>> before = TestWarehouse.snapshot(c);

        new RawEvents().startIdsAt(100)
                .add("2019-10-03T08:00:00Z", "view", 1006, "apparel.shoes", "nike", "50.00", 8, "s8")
                .add("2019-10-03T08:01:00Z", "purchase", 1006, "apparel.shoes", "nike", "50.00", 8, "s8")
                .load(c, LATER_LOAD);
        TransformRun second = Transforms.run(c);

        assertThat(first.daysRebuilt()).isEqualTo(2);
        assertThat(second.daysRebuilt()).isEqualTo(1);
        assertThat(second.firstDay()).isEqualTo(LocalDate.of(2019, 10, 3));
        assertThat(second.lastDay()).isEqualTo(LocalDate.of(2019, 10, 3));
        assertThat(rows(c, "SELECT day, revenue FROM reporting.daily_revenue ORDER BY day"))
                .containsExactly("2019-10-01|170.000000", "2019-10-02|100.000000", "2019-10-03|50.000000");
        Map<String, List<String>> after = TestWarehouse.snapshot(c);
        assertThat(after.get("session_funnel_daily")).startsWith(before.get("session_funnel_daily").toArray(String[]::new))
                .hasSize(3);
        assertThat(after).isEqualTo(fullRebuildOfTheSameEvents());
    }

    @Test
    void aLateEventOfASessionRebuildsEveryDayTheSessionTouches() throws SQLException {
        RawEvents.shop().load(c, FIRST_LOAD);
        Transforms.run(c);

        // s2 comes back after midnight and carts: its cart precedes no purchase, s2 stays at the view step,
        // but its Oct 1 row and the Oct 2 day both have to be looked at again.
        new RawEvents().startIdsAt(100)
                .add("2019-10-02T00:30:00Z", "cart", 1002, null, null, "20.00", 2, "s2")
                .load(c, LATER_LOAD);
        TransformRun late = Transforms.run(c);

        assertThat(late.daysRebuilt()).isEqualTo(2);
        assertThat(rows(c, "SELECT day, viewed, carted, purchased FROM reporting.session_funnel_daily ORDER BY day"))
                .containsExactly("2019-10-01|4|4|2", "2019-10-02|2|2|1");
        assertThat(TestWarehouse.snapshot(c)).isEqualTo(fullRebuildOfTheSameEvents());
    }

    @Test
    void runsAfterLoadsInTimeOrderWithStragglersEqualOneFullRun() throws Exception {
        // Three months of synthetic shop, landed in six loads by time, but every 15th event a
        // straggler two loads late: sessions, months and products grow across runs, and late events
        // move first views and purchases into days and sessions an earlier run already built.
        Path shop = dir.resolve("shop");
        new ShopFileWriter(shop).write(GeneratorSettings.of(20_000, "2019-10..2019-12", 7));
        RawEvents.stageCsv(c, InputFiles.resolve(List.of(shop)), "staged", FIRST_LOAD);
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE planned AS SELECT *, least(ntile(6) OVER (ORDER BY event_time, event_id)"
                    + " + CASE WHEN event_id % 15 = 0 THEN 2 ELSE 0 END, 6) AS load FROM staged");
        }
        for (int load = 1; load <= 6; load++) {
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO raw.events SELECT * EXCLUDE (load) REPLACE (loaded_at + INTERVAL (" + load
                        + ") MINUTE AS loaded_at) FROM planned WHERE load = " + load);
            }
            // And one session that lasts two months: its late purchase must find its first view.
            String loadedAt = "2024-01-01T00:0" + load + ":00Z";
            switch (load) {
                case 1 -> new RawEvents().startIdsAt(1)
                        .add("2019-10-05T10:00:00Z", "view", 1, "kids.toys", "ever-lasting", "30.00", 1, "long").load(c, loadedAt);
                case 4 -> new RawEvents().startIdsAt(2)
                        .add("2019-11-20T10:00:00Z", "cart", 1, "kids.toys", "ever-lasting", "30.00", 1, "long").load(c, loadedAt);
                case 6 -> new RawEvents().startIdsAt(3)
                        .add("2019-12-01T10:00:00Z", "purchase", 1, "kids.toys", "ever-lasting", "30.00", 1, "long").load(c, loadedAt);
                default -> { }
            }
            Transforms.run(c);
        }

        assertThat(rows(c, "SELECT count(*) FROM raw.events")).containsExactly("20003");
        assertThat(rows(c, "SELECT viewed, carted, purchased FROM reporting.session_funnel_brand_daily"
                + " WHERE brand = 'ever-lasting' AND day = DATE '2019-10-05'")).containsExactly("1|1|1");
        assertThat(rows(c, "SELECT count(*) > 100 FROM reporting.abandoned_carts")).containsExactly("true");
        // The state the runs look sessions up in holds each id's hash (the lookups go by the hash).
        assertThat(rows(c, "SELECT count(*) > 1000, count(*) FILTER (WHERE session_hash <> hash(user_session))"
                + " FROM pipeline.month_sessions")).containsExactly("true|0");
        assertThat(rows(c, "SELECT count(*) > 100, count(*) FILTER (WHERE session_hash <> hash(user_session))"
                + " FROM pipeline.session_carts")).containsExactly("true|0");
        assertThat(TestWarehouse.snapshot(c)).isEqualTo(fullRebuildOfTheSameEvents());
    }

    @Test
    void exactRepeatsKeptInRawDuplicatesNeverCount() throws SQLException {
        RawEvents.shop().load(c, FIRST_LOAD);
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO raw.duplicates SELECT event_id, event_time, 0, 99, loaded_at FROM raw.events"
                    + " WHERE event_type = 'purchase'");
        }

        Transforms.run(c);

        assertThat(rows(c, "SELECT sum(revenue) FROM reporting.daily_revenue")).containsExactly("270.000000");
    }

    @Test
    void everyRunIsRecorded() throws SQLException {
        RawEvents.shop().load(c, FIRST_LOAD);

        TransformRun run = Transforms.run(c);
        Transforms.run(c);

        assertThat(rows(c, "SELECT run_id, status, days_rebuilt, first_day, last_day, loaded_up_to, error,"
                + " finished_at >= started_at FROM pipeline.transform_runs ORDER BY run_id")).containsExactly(
                run.runId() + "|ok|2|2019-10-01|2019-10-02|2024-01-01T00:00Z|null|true",
                (run.runId() + 1) + "|ok|0|null|null|2024-01-01T00:00Z|null|true");
        assertThat(run.rowsWritten()).isPositive();
    }

    @Test
    void runsWithNothingNewBetweenLoadsLoseNothing() throws Exception {
        Transforms.run(c);
        RawEvents.shop().load(c, FIRST_LOAD);
        Transforms.run(c);
        TransformRun idle = Transforms.run(c);
        new RawEvents().startIdsAt(1000)
                .add("2019-10-02T09:00:00Z", "purchase", 7, "kids.toys", "ever-lasting", "15.00", 42, "late")
                .load(c, LATER_LOAD);
        Transforms.run(c);

        assertThat(idle.daysRebuilt()).isZero();
        assertThat(idle.loadedUpTo().toInstant()).isEqualTo(Instant.parse(FIRST_LOAD));
        assertThat(TestWarehouse.snapshot(c)).isEqualTo(fullRebuildOfTheSameEvents());
    }

    @Test
    void aRunAfterDuckDbsHashChangedRebuildsFromRawEventsInsteadOfMissingSessions() throws Exception {
        RawEvents.shop().load(c, FIRST_LOAD);
        Transforms.run(c);
        // As if the state had been built by a DuckDB whose hash() differs from this one's.
        try (Statement st = c.createStatement()) {
            for (String table : List.of("session_spans", "month_sessions", "session_carts")) {
                st.execute("UPDATE pipeline." + table + " SET session_hash = xor(session_hash, 1)");
            }
        }
        // Session s5 viewed and carted on the first load; its purchase comes later.
        new RawEvents().startIdsAt(1000)
                .add("2019-10-02T09:10:00Z", "purchase", 1005, "appliances.kitchen", null, "40.00", 5, "s5")
                .load(c, LATER_LOAD);

        TransformRun run = Transforms.run(c);

        assertThat(TestWarehouse.snapshot(c)).isEqualTo(fullRebuildOfTheSameEvents());
        assertThat(run.daysRebuilt()).as("every day, as a first run").isEqualTo(2);
        assertThat(rows(c, "SELECT status FROM pipeline.transform_runs ORDER BY run_id"))
                .containsExactly("superseded", "ok");
        assertThat(rows(c, "SELECT count(*) FILTER (WHERE session_hash <> hash(user_session))"
                + " FROM pipeline.month_sessions")).containsExactly("0");
    }

    @Test
    void anEmptyWarehouseTransformsToEmptyTables() throws SQLException {
        TransformRun run = Transforms.run(c);

        assertThat(run.daysRebuilt()).isZero();
        assertThat(TestWarehouse.snapshot(c).values()).allSatisfy(rows -> assertThat(rows).isEmpty());
    }

    /** The reporting tables a first run over the same raw.events builds in a fresh warehouse. */
    private Map<String, List<String>> fullRebuildOfTheSameEvents() throws SQLException {
        try (DuckDbWarehouse fresh = DuckDbWarehouse.open(dir.resolve("fresh.duckdb"));
             Connection f = fresh.connect()) {
            Path copy = dir.resolve("events.parquet");
            try (Statement st = c.createStatement()) {
                st.execute("COPY raw.events TO '" + copy + "' (FORMAT PARQUET)");
            }
            try (Statement st = f.createStatement()) {
                st.execute("INSERT INTO raw.events SELECT * FROM read_parquet('" + copy + "')");
            }
            Transforms.run(f);
            return TestWarehouse.snapshot(f);
        }
    }
}
