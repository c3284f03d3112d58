package dev.funnelstream.report;

import dev.funnelstream.transform.RawEvents;
import dev.funnelstream.transform.TestWarehouse;
import dev.funnelstream.warehouse.DuckDbWarehouse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The live reports over processed-layer rows inserted with SQL, in a real DuckDB file. */
class ReportLiveTest {
    private static final LocalDate OCT_1 = LocalDate.of(2019, 10, 1);
    private static final LocalDate OCT_2 = LocalDate.of(2019, 10, 2);

    @TempDir
    Path dir;
    private DuckDbWarehouse warehouse;
    private ReportService reports;

    @BeforeEach
    void open() throws SQLException {
        warehouse = TestWarehouse.open(dir);
        reports = new ReportService(warehouse, true);
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Test
    void eventsPerMinuteUnpivotsTheAllRowsWithoutZerosByMinuteThenType() throws SQLException {
        try (Connection c = warehouse.connect()) {
            new ProcessedRows(c)
                    .minute("2019-10-01T10:01:00Z", "all", 2, 0, 0, 1)
                    .minute("2019-10-01T10:00:00Z", "all", 5, 1, 1, 0)
                    .minute("2019-10-01T10:00:00Z", "electronics", 4, 1, 1, 0)
                    .minute("2019-10-01T10:02:00Z", "all", 0, 0, 0, 0)
                    .minute("2019-10-02T00:00:00Z", "all", 1, 0, 0, 0);
        }

        assertThat(csv(ReportName.EVENTS_PER_MINUTE, ReportQuery.all())).isEqualTo("""
                minute,event_type,events
                2019-10-01 10:00,cart,1
                2019-10-01 10:00,remove_from_cart,1
                2019-10-01 10:00,view,5
                2019-10-01 10:01,purchase,1
                2019-10-01 10:01,view,2
                2019-10-02 00:00,view,1
                """);
    }

    @Test
    void eventsPerMinuteEqualsCountingRawEventsByMinuteAndType() throws SQLException {
        try (Connection c = warehouse.connect()) {
            RawEvents.shop().load(c, "2024-01-01T00:00:00Z");
            new RawEvents().startIdsAt(100)
                    .add("2019-10-01T10:00:30Z", "view", 1002, null, null, "20.00", 2, "s8")
                    .add("2019-10-01T10:00:59Z", "view", 1003, "electronics.audio.headphone", "sony", "50.00", 3, "s9")
                    .add("2019-10-01T10:05:40Z", "remove_from_cart", 1001, "electronics.smartphone", "apple",
                            "100.00", 1, "s1")
                    .load(c, "2024-01-01T00:00:00Z");
            // What the streaming job computes per minute, and one category row it adds beside it.
            execute(c, """
                    INSERT INTO live.processed.funnel_minute
                    SELECT date_trunc('minute', event_time), 'all',
                           count(*) FILTER (WHERE event_type = 'view'), count(*) FILTER (WHERE event_type = 'cart'),
                           count(*) FILTER (WHERE event_type = 'remove_from_cart'),
                           count(*) FILTER (WHERE event_type = 'purchase'), 0, 0, 0, 0, now()
                    FROM raw.events GROUP BY 1""");
            new ProcessedRows(c).minute("2019-10-01T10:00:00Z", "electronics", 9, 9, 9, 9);

            String raw = "minute,event_type,events\n" + String.join("\n", TestWarehouse.rows(c, """
                    SELECT strftime(date_trunc('minute', event_time) AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS minute,
                           event_type, count(*)
                    FROM raw.events GROUP BY ALL ORDER BY minute, event_type""")).replace('|', ',') + "\n";

            assertThat(csv(ReportName.EVENTS_PER_MINUTE, ReportQuery.all())).isEqualTo(raw).contains(
                    "2019-10-01 10:00,view,3\n", "2019-10-01 10:05,cart,1\n2019-10-01 10:05,remove_from_cart,1\n");
        }
    }

    @Test
    void eventsPerMinuteOverDaysAndTimesBothInclusive() throws SQLException {
        try (Connection c = warehouse.connect()) {
            new ProcessedRows(c)
                    .minute("2019-09-30T23:59:00Z", "all", 1, 0, 0, 0)
                    .minute("2019-10-01T00:00:00Z", "all", 2, 0, 0, 0)
                    .minute("2019-10-01T23:59:00Z", "all", 3, 0, 0, 0)
                    .minute("2019-10-02T00:00:00Z", "all", 4, 0, 0, 0);
        }

        assertThat(csv(ReportName.EVENTS_PER_MINUTE, new ReportQuery(OCT_1, OCT_1, null, null, null))).isEqualTo("""
                minute,event_type,events
                2019-10-01 00:00,view,2
                2019-10-01 23:59,view,3
                """);
        assertThat(csv(ReportName.EVENTS_PER_MINUTE, times("2019-09-30 23:59", "2019-10-01 00:00", null))).isEqualTo("""
                minute,event_type,events
                2019-09-30 23:59,view,1
                2019-10-01 00:00,view,2
                """);
        // A time after the start of a minute leaves that minute out; a day to a time mixes fine.
        assertThat(csv(ReportName.EVENTS_PER_MINUTE, times("2019-10-01T23:58:30Z", "2019-10-02", null))).isEqualTo("""
                minute,event_type,events
                2019-10-01 23:59,view,3
                2019-10-02 00:00,view,4
                """);
        assertThat(csv(ReportName.EVENTS_PER_MINUTE, times(null, null, 2))).isEqualTo("""
                minute,event_type,events
                2019-09-30 23:59,view,1
                2019-10-01 00:00,view,2
                """);
        assertThat(csv(ReportName.EVENTS_PER_MINUTE, new ReportQuery(LocalDate.of(2019, 10, 3), null, null, null, null)))
                .isEqualTo("minute,event_type,events\n");
    }

    @Test
    void liveFunnelSumsTheHoursInThePeriod() throws SQLException {
        try (Connection c = warehouse.connect()) {
            new ProcessedRows(c)
                    .hour("2019-10-01T09:00:00Z", 10, 4, 1)
                    .hour("2019-10-01T10:00:00Z", 6, 2, 2)
                    .hour("2019-10-02T00:00:00Z", 100, 1, 0);
        }

        assertThat(csv(ReportName.LIVE_FUNNEL, ReportQuery.all())).isEqualTo("""
                step,sessions,conversion
                view,116,1.0000
                cart,7,0.0603
                purchase,3,0.4286
                """);
        assertThat(csv(ReportName.LIVE_FUNNEL, new ReportQuery(null, OCT_1, null, null, null))).isEqualTo("""
                step,sessions,conversion
                view,16,1.0000
                cart,6,0.3750
                purchase,3,0.5000
                """);
        assertThat(csv(ReportName.LIVE_FUNNEL, times("2019-10-01 10:00", "2019-10-02T00:00:00Z", null))).isEqualTo("""
                step,sessions,conversion
                view,106,1.0000
                cart,3,0.0283
                purchase,2,0.6667
                """);
    }

    @Test
    void liveFunnelOfNothingHasNoConversions() throws SQLException {
        assertThat(csv(ReportName.LIVE_FUNNEL, ReportQuery.all())).isEqualTo("""
                step,sessions,conversion
                view,0,
                cart,0,
                purchase,0,
                """);
    }

    @Test
    void trendingProductsShowsTheLatestSlideByRankWithRankChanges() throws SQLException {
        slides();

        assertThat(csv(ReportName.TRENDING_PRODUCTS, ReportQuery.all())).isEqualTo("""
                window_end,rank,product_id,views,carts,purchases,revenue,brand,category_code,rank_change
                2019-10-01 10:05,1,2002,30,2,1,99.50,sony,electronics.audio.headphone,1
                2019-10-01 10:05,2,2001,25,1,0,0.00,apple,electronics.smartphone,-1
                2019-10-01 10:05,3,2003,7,0,0,0.00,unknown,unknown,
                """);
    }

    @Test
    void withoutATimeTrendingProductsShowsTheFirstSlideTakingInTheNewestEventsNotTheEmptierOnesAfter()
            throws SQLException {
        // The last events are of 10:03; the job also emitted slides for the hour after them, each
        // with fewer of those events (here 10:10, where product 2003 alone is left).
        slides();
        try (Connection c = warehouse.connect()) {
            new ProcessedRows(c)
                    .minute("2019-10-01T10:03:00Z", "all", 5, 0, 0, 0)
                    .trending("2019-10-01T10:10:00Z", 1, 2003, 2, 0, 0, "0", null, null, 3);
        }

        assertThat(column(ReportName.TRENDING_PRODUCTS, ReportQuery.all(), 0)).containsOnly("2019-10-01 10:05");
        assertThat(column(ReportName.TRENDING_PRODUCTS, times(null, "2019-10-01 10:10", null), 0))
                .as("a time still takes the latest slide ending by then").containsOnly("2019-10-01 10:10");
    }

    @Test
    void trendingProductsAtATimeTakesTheLatestSlideEndingByThen() throws SQLException {
        slides();

        assertThat(column(ReportName.TRENDING_PRODUCTS, times(null, "2019-10-01 10:04", null), 0))
                .containsOnly("2019-10-01 10:00");
        assertThat(column(ReportName.TRENDING_PRODUCTS, times(null, "2019-10-01T10:05:00Z", null), 0))
                .containsOnly("2019-10-01 10:05");
        assertThat(csv(ReportName.TRENDING_PRODUCTS, times(null, "2019-10-01 09:59", null)))
                .isEqualTo("window_end,rank,product_id,views,carts,purchases,revenue,brand,category_code,rank_change\n");
    }

    @Test
    void trendingProductsOnADayTakesTheSlideEndingAtItsEndAndOnlyTheTopTen() throws SQLException {
        try (Connection c = warehouse.connect()) {
            ProcessedRows rows = new ProcessedRows(c);
            for (int rank = 11; rank >= 1; rank--) {
                rows.trending("2019-10-02T00:00:00Z", rank, 3000 + rank, 100 - rank, 0, 0, "0", "b", "c", rank);
            }
            rows.trending("2019-10-02T00:05:00Z", 1, 4000, 1, 0, 0, "0", "b", "c", null);
        }

        ReportTable t = reports.report(ReportName.TRENDING_PRODUCTS, new ReportQuery(null, OCT_1, null, null, null));

        assertThat(t.rows()).extracting(r -> r.get(0)).containsOnly("2019-10-02 00:00");
        assertThat(t.rows()).extracting(r -> r.get(1)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(t.rows()).extracting(r -> r.get(9)).containsOnly(0L);
    }

    @Test
    void trendingProductsSkipsASlideStillLandingWithAGapInItsRanks() throws SQLException {
        slides();
        try (Connection c = warehouse.connect()) {
            // Ranks 1 and 3 of 10:10 are landed; rank 2 (new to the ranking) is not yet.
            new ProcessedRows(c)
                    .trending("2019-10-01T10:10:00Z", 1, 2002, 31, 2, 1, "99.5", "sony", "electronics.audio.headphone", 1)
                    .trending("2019-10-01T10:10:00Z", 3, 2001, 26, 1, 0, "0", "apple", "electronics.smartphone", 2);
        }

        assertThat(column(ReportName.TRENDING_PRODUCTS, ReportQuery.all(), 0)).containsOnly("2019-10-01 10:05");

        try (Connection c = warehouse.connect()) {
            new ProcessedRows(c).trending("2019-10-01T10:10:00Z", 2, 2004, 28, 0, 0, "0", "lg", "appliances", null);
        }
        assertThat(column(ReportName.TRENDING_PRODUCTS, ReportQuery.all(), 0)).containsOnly("2019-10-01 10:10");
    }

    @Test
    void trendingProductsWaitsForTheNewestSlideWhileItsRowsAreStillLanding() throws SQLException {
        slides();
        try (Connection c = warehouse.connect()) {
            // 7 of the 10:10 slide's 10 ranks, landed just now: the rest come in the next batch.
            ProcessedRows rows = new ProcessedRows(c, OffsetDateTime.now(ZoneOffset.UTC));
            for (int rank = 1; rank <= 7; rank++) {
                rows.trending("2019-10-01T10:10:00Z", rank, 5000 + rank, 50 - rank, 0, 0, "0", "b", "c", null);
            }
        }
        assertThat(column(ReportName.TRENDING_PRODUCTS, ReportQuery.all(), 0)).containsOnly("2019-10-01 10:05");

        try (Connection c = warehouse.connect()) {
            ProcessedRows rows = new ProcessedRows(c, OffsetDateTime.now(ZoneOffset.UTC));
            for (int rank = 8; rank <= 10; rank++) {
                rows.trending("2019-10-01T10:10:00Z", rank, 5000 + rank, 50 - rank, 0, 0, "0", "b", "c", null);
            }
        }
        assertThat(column(ReportName.TRENDING_PRODUCTS, ReportQuery.all(), 0)).containsOnly("2019-10-01 10:10");
    }

    @Test
    void trendingProductsTablePrintsNewForNoPreviousRank() throws SQLException {
        slides();
        StringWriter out = new StringWriter();
        ReportFormat.table(reports.report(ReportName.TRENDING_PRODUCTS, ReportQuery.all()), new PrintWriter(out));

        assertThat(out.toString().lines()).containsExactly(
                "window_end        rank  product_id  views  carts  purchases  revenue  brand    category_code                rank_change",
                "2019-10-01 10:05     1        2002     30      2          1    99.50  sony     electronics.audio.headphone            1",
                "2019-10-01 10:05     2        2001     25      1          0     0.00  apple    electronics.smartphone                -1",
                "2019-10-01 10:05     3        2003      7      0          0     0.00  unknown  unknown                              new");
        assertThat(ReportFormat.json(reports.report(ReportName.TRENDING_PRODUCTS, ReportQuery.all())).replaceAll("\\s", ""))
                .contains("\"rank_change\":-1}", "\"brand\":\"unknown\",\"category_code\":\"unknown\",\"rank_change\":null}");
    }

    @Test
    void trendingProductsTravelOverHttpWithTheirRankChanges() throws Exception {
        slides();
        ReportTable t = reports.report(ReportName.TRENDING_PRODUCTS, ReportQuery.all());

        ReportTable back = ReportFormat.fromWire(ReportFormat.toWire(t));

        assertThat(back).isEqualTo(t);
        assertThat(back.columns().get(9)).isEqualTo(new ReportTable.Column("rank_change", ReportTable.Kind.RANK_CHANGE));
    }

    @Test
    void liveReportsLeaveAStaleReportingLayerAlone() throws SQLException {
        try (Connection c = warehouse.connect()) {
            RawEvents.shop().load(c, "2024-01-01T00:00:00Z");
            new ProcessedRows(c).minute("2019-10-01T10:00:00Z", "all", 1, 0, 0, 0).hour("2019-10-01T10:00:00Z", 1, 0, 0);
        }
        ReportService readOnly = new ReportService(warehouse, false);

        assertThat(readOnly.report(ReportName.EVENTS_PER_MINUTE, ReportQuery.all()).rows()).hasSize(1);
        assertThat(readOnly.report(ReportName.LIVE_FUNNEL, ReportQuery.all()).rows()).hasSize(3);
        assertThat(readOnly.report(ReportName.TRENDING_PRODUCTS, ReportQuery.all()).rows()).isEmpty();
        assertThat(reports.report(ReportName.EVENTS_PER_MINUTE, ReportQuery.all()).rows()).hasSize(1);
        assertThat(reports.stale()).as("no transforms ran").isTrue();
        assertThatThrownBy(() -> readOnly.report(ReportName.MONTHLY, ReportQuery.all()))
                .isInstanceOf(StaleReportingException.class);
    }

    @Test
    void aFileWithoutTheProcessedTablesGivesEmptyReports() throws SQLException {
        try (Connection c = warehouse.connect()) {
            execute(c, "DROP VIEW processed.funnel_minute");
            execute(c, "DROP VIEW processed.session_funnel");
            execute(c, "DROP VIEW processed.trending_products");
        }

        assertThat(csv(ReportName.EVENTS_PER_MINUTE, ReportQuery.all())).isEqualTo("minute,event_type,events\n");
        assertThat(csv(ReportName.LIVE_FUNNEL, ReportQuery.all())).startsWith("step,sessions,conversion\nview,0,\n");
        assertThat(reports.report(ReportName.TRENDING_PRODUCTS, ReportQuery.all()).rows()).isEmpty();
    }

    @Test
    void queriesTheReportsCannotTakeAreRefused() {
        assertThatThrownBy(() -> reports.report(ReportName.LIVE_FUNNEL, new ReportQuery(null, null, null, "electronics", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("live-funnel takes no category or brand");
        assertThatThrownBy(() -> reports.report(ReportName.TRENDING_PRODUCTS, new ReportQuery(OCT_1, OCT_2, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("trending-products shows one slide");
        assertThatThrownBy(() -> reports.report(ReportName.DAILY_REVENUE, times("2019-10-01 10:00", null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("daily-revenue takes whole days (YYYY-MM-DD), not times");
    }

    /** Two slides: at 10:00 products 2001, 2002; at 10:05 they swap and 2003 (no brand, no category) is new. */
    private void slides() throws SQLException {
        try (Connection c = warehouse.connect()) {
            new ProcessedRows(c)
                    .trending("2019-10-01T10:00:00Z", 1, 2001, 20, 1, 0, "0", "apple", "electronics.smartphone", null)
                    .trending("2019-10-01T10:00:00Z", 2, 2002, 18, 2, 1, "99.5", "sony", "electronics.audio.headphone", null)
                    .trending("2019-10-01T10:05:00Z", 3, 2003, 7, 0, 0, "0", null, null, null)
                    .trending("2019-10-01T10:05:00Z", 1, 2002, 30, 2, 1, "99.5", "sony", "electronics.audio.headphone", 2)
                    .trending("2019-10-01T10:05:00Z", 2, 2001, 25, 1, 0, "0", "apple", "electronics.smartphone", 1);
        }
    }

    private static ReportQuery times(String from, String to, Integer limit) {
        return ReportQuery.between(ReportQuery.bound(from, "--from"), ReportQuery.bound(to, "--to"), limit, null, null);
    }

    private List<Object> column(ReportName name, ReportQuery q, int i) throws SQLException {
        return reports.report(name, q).rows().stream().map(r -> r.get(i)).toList();
    }

    private String csv(ReportName name, ReportQuery q) throws SQLException {
        StringWriter out = new StringWriter();
        ReportFormat.csv(reports.report(name, q), new PrintWriter(out));
        return out.toString();
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
