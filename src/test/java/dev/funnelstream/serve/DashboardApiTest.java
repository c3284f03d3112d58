package dev.funnelstream.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnelstream.report.ProcessedRows;
import dev.funnelstream.report.ReportFormat;
import dev.funnelstream.report.ReportName;
import dev.funnelstream.report.ReportQuery;
import dev.funnelstream.report.ReportService;
import dev.funnelstream.status.Status;
import dev.funnelstream.status.StatusQuery;
import dev.funnelstream.transform.RawEvents;
import dev.funnelstream.transform.TestWarehouse;
import dev.funnelstream.transform.Transforms;
import dev.funnelstream.warehouse.DuckDbWarehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.funnelstream.serve.Api.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The dashboard's HTTP API (docs/dashboard-api.md) end to end: a real Javalin server on a free
 * port over a real DuckDB file holding {@link RawEvents#shop()} (transformed), two quarantined
 * rows and a few processed-layer rows. Every expected number is worked out from that fixture:
 * <ul>
 *   <li>purchases on Oct 1: s1 100 (apple smartphone), s2 20 (no category/brand), s3 50 (sony
 *       headphone) = 170; on Oct 2: s4 30 (samsung smartphone), user 6 20 (unknown), s7 50 (nike
 *       shoes) = 100;</li>
 *   <li>the newest event (the clock) is s7's purchase at 2019-10-02 12:02 UTC;</li>
 *   <li>18 events and 2 quarantined rows: a quarantined share of 2 / 20.</li>
 * </ul>
 * The tests only read, so they share one server; those that need another feed or warehouse start
 * their own.
 */
class DashboardApiTest {
    private static final String TOP_BRANDS = "/api/report/top-brands";
    private static final String FUNNEL = "/api/report/conversion-funnel";
    private static final LocalDate OCT_1 = LocalDate.of(2019, 10, 1);
    private static final LocalDate OCT_2 = LocalDate.of(2019, 10, 2);
    private static final long RAW_EVENTS = 18;

    @TempDir
    static Path dir;
    private static DuckDbWarehouse warehouse;
    private static final TestFeed feed = new TestFeed();
    private static volatile Map<String, String> components;
    private static ControlServer server;
    private static Api api;

    @BeforeAll
    static void startServerOverTheShop() throws SQLException {
        warehouse = TestWarehouse.open(dir);
        try (Connection c = warehouse.connect()) {
            RawEvents.shop().load(c, "2024-01-01T00:00:00Z");
            quarantine(c, 2);
            new ProcessedRows(c)
                    // Appliances were never bought, so only the live layer knows the category.
                    .minute("2019-10-02T09:00:00Z", "all", 1, 1, 0, 0)
                    .minute("2019-10-02T09:00:00Z", "appliances", 1, 1, 0, 0)
                    // Trending slides: 09:05 is exactly an hour before 10:05, so outside its sparkline hour;
                    // at 10:05 products 2001 and 2002 swap, 2003 is new, 2011 ranks 11th (not top 10).
                    .trending("2019-10-01T09:05:00Z", 1, 2001, 5, 0, 0, "0", "apple", "electronics.smartphone", null)
                    .trending("2019-10-01T09:10:00Z", 1, 2001, 8, 0, 0, "0", "apple", "electronics.smartphone", 1)
                    .trending("2019-10-01T10:00:00Z", 1, 2001, 20, 1, 0, "0", "apple", "electronics.smartphone", 1)
                    .trending("2019-10-01T10:00:00Z", 2, 2002, 18, 2, 1, "99.5", "sony", "electronics.audio.headphone",
                            null)
                    .trending("2019-10-01T10:05:00Z", 1, 2002, 30, 2, 1, "99.5", "sony", "electronics.audio.headphone",
                            2)
                    .trending("2019-10-01T10:05:00Z", 2, 2001, 25, 1, 0, "0", "apple", "electronics.smartphone", 1)
                    .trending("2019-10-01T10:05:00Z", 3, 2003, 7, 0, 0, "0", null, null, null)
                    .trending("2019-10-01T10:05:00Z", 11, 2011, 1, 0, 0, "0", "b", "c", null);
            // The batch layer is up to date, as after a scheduled transform run.
            Transforms.run(c);
        }
        feed.recordsLanded = 1234;
        feed.loaderLag = 7L;
        feed.freshnessSeconds = 0.42;
        feed.checkpointAgeSeconds = 3.5;
        server = start(feed);
        api = new Api(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
        warehouse.close();
    }

    @BeforeEach
    void everythingUp() {
        components = Map.of("warehouse", "up", "kafka", "up");
    }

    // ---- reports ---------------------------------------------------------------------------

    @Test
    void revenueByCategoryIsTheFullCategoryCodeByRevenue() {
        JsonNode report = ok(url("/api/report/revenue-by-category", "limit", "15"));

        assertThat(report.get("name").asText()).isEqualTo("revenue-by-category");
        assertThat(columns(report)).containsExactly("category TEXT", "revenue MONEY");
        assertThat(rows(report)).containsExactly(
                row("electronics.smartphone", money("130.00")),
                row("apparel.shoes", money("50.00")),
                row("electronics.audio.headphone", money("50.00")),
                row("unknown", money("40.00")));
    }

    @Test
    void revenueByTopCategorySumsTheSubCategories() {
        JsonNode report = ok(url("/api/report/revenue-by-top-category", "limit", "15"));

        assertThat(report.get("name").asText()).isEqualTo("revenue-by-top-category");
        assertThat(columns(report)).containsExactly("category TEXT", "revenue MONEY");
        // electronics = smartphones 130 + headphones 50.
        assertThat(rows(report)).containsExactly(
                row("electronics", money("180.00")),
                row("apparel", money("50.00")),
                row("unknown", money("40.00")));
    }

    @Test
    void topBrandsOverAllDaysAndOverOneDayWithALimit() {
        JsonNode all = ok(url(TOP_BRANDS, "limit", "15"));
        assertThat(columns(all)).containsExactly("brand TEXT", "revenue MONEY");
        assertThat(rows(all)).containsExactly(
                row("apple", money("100.00")),
                row("nike", money("50.00")),
                row("sony", money("50.00")),
                row("unknown", money("40.00")),
                row("samsung", money("30.00")));

        assertThat(rows(ok(url(TOP_BRANDS, "from", "2019-10-02", "to", "2019-10-02", "limit", "2")))).containsExactly(
                row("nike", money("50.00")),
                row("samsung", money("30.00")));
    }

    @Test
    void dailyRevenue() {
        JsonNode report = ok("/api/report/daily-revenue");

        assertThat(columns(report)).containsExactly("day DAY", "revenue MONEY");
        assertThat(rows(report)).containsExactly(
                row("2019-10-01", money("170.00")),
                row("2019-10-02", money("100.00")));
    }

    @Test
    void conversionFunnelOfAllSessions() {
        JsonNode report = ok(FUNNEL);

        assertThat(report.get("name").asText()).isEqualTo("conversion-funnel");
        assertThat(columns(report)).containsExactly("step TEXT", "sessions COUNT", "conversion RATE", "drop_off RATE");
        // Viewed: s1 s2 s3 s4 s5 s7 (s6 only carted); carted after a view: s1 s3 s4 s5 s7; bought
        // after that cart: s1 s4 s7 (s3 bought before its cart). drop_off = 1 - conversion.
        assertThat(rows(report)).containsExactly(
                row("view", 6L, rate("1.0000"), null),
                row("cart", 5L, rate("0.8333"), rate("0.1667")),
                row("purchase", 3L, rate("0.6000"), rate("0.4000")));
    }

    @Test
    void conversionFunnelOverTimesAndATopLevelCategoryCountsOnlyTheEventsInside() {
        // From 10:05 on Oct 1 (an instant) to 00:20 on Oct 2 (a UTC time, inclusive), electronics only:
        // s1's view at 10:00 is cut off, so s1 counts nowhere; s3 views and carts (its purchase came
        // before the cart); s4 views, carts and buys at 00:20 exactly. s2 (no category) is left out.
        JsonNode report = ok(url(FUNNEL, "from", "2019-10-01T10:05:00Z", "to", "2019-10-02 00:20",
                "category", "electronics"));

        assertThat(rows(report)).containsExactly(
                row("view", 2L, rate("1.0000"), null),
                row("cart", 2L, rate("1.0000"), rate("0.0000")),
                row("purchase", 1L, rate("0.5000"), rate("0.5000")));
    }

    @Test
    void conversionFunnelOfNothingHasNoRates() {
        JsonNode report = ok(url(FUNNEL, "category", "garden"));

        assertThat(rows(report)).containsExactly(
                row("view", 0L, null, null),
                row("cart", 0L, null, null),
                row("purchase", 0L, null, null));
    }

    @Test
    void trendingProductsShowsTheLatestSlideOrTheOneAtOrBeforeTo() {
        JsonNode latest = ok("/api/report/trending-products");

        assertThat(columns(latest)).containsExactly("window_end TEXT", "rank COUNT", "product_id COUNT", "views COUNT",
                "carts COUNT", "purchases COUNT", "revenue MONEY", "brand TEXT", "category_code TEXT",
                "rank_change RANK_CHANGE");
        // rank_change = previous rank - rank, null when new; 2011 (rank 11) is not shown.
        assertThat(rows(latest)).containsExactly(
                row("2019-10-01 10:05", 1L, 2002L, 30L, 2L, 1L, money("99.50"), "sony", "electronics.audio.headphone",
                        1L),
                row("2019-10-01 10:05", 2L, 2001L, 25L, 1L, 0L, money("0.00"), "apple", "electronics.smartphone", -1L),
                row("2019-10-01 10:05", 3L, 2003L, 7L, 0L, 0L, money("0.00"), "unknown", "unknown", null));

        JsonNode earlier = ok(url("/api/report/trending-products", "to", "2019-10-01 10:04"));
        assertThat(rows(earlier)).extracting(r -> r.get(0), r -> r.get(2)).containsExactly(
                tuple("2019-10-01 10:00", 2001L),
                tuple("2019-10-01 10:00", 2002L));
    }

    @Test
    void batchReportsAreAsLastBuiltUnlessFreshIsAsked(@TempDir Path ownDir) throws SQLException {
        try (DuckDbWarehouse own = TestWarehouse.open(ownDir)) {
            try (Connection c = own.connect()) {
                RawEvents.shop().load(c, "2024-01-01T00:00:00Z");
                Transforms.run(c);
                // Landed after the last transform run: the batch layer has not seen it yet.
                new RawEvents().startIdsAt(100)
                        .add("2019-10-03T08:00:00Z", "purchase", 1006, "apparel.shoes", "nike", "12.50", 8, "s8")
                        .load(c, "2024-01-02T00:00:00Z");
            }
            try (ControlServer other = start(own, new TestFeed())) {
                Api page = new Api(other.port());

                assertThat(rows(ok(page, "/api/report/daily-revenue"))).extracting(r -> r.get(0))
                        .containsExactly("2019-10-01", "2019-10-02");
                // No run streams, but the batch layer is behind the landed events: their day is provisional.
                assertThat(ok(page, "/api/header").get("provisional_day").asText()).isEqualTo("2019-10-03");

                assertThat(rows(ok(page, url("/api/report/daily-revenue", "fresh", "true")))).containsExactly(
                        row("2019-10-01", money("170.00")),
                        row("2019-10-02", money("100.00")),
                        row("2019-10-03", money("12.50")));
            }
        }
    }

    // ---- CSV -------------------------------------------------------------------------------

    @Test
    void csvIsByteForByteWhatTheReportFormatWritesForTheSameQuery() throws SQLException {
        ReportService reports = new ReportService(warehouse, true);

        assertCsv(url(TOP_BRANDS, "from", "2019-10-01", "to", "2019-10-02", "limit", "3", "format", "csv"),
                reports, ReportName.TOP_BRANDS, new ReportQuery(OCT_1, OCT_2, 3, null, null));
        assertCsv(url(FUNNEL, "from", "2019-10-01T10:05:00Z", "to", "2019-10-02 00:20", "category", "electronics",
                        "format", "csv"),
                reports, ReportName.CONVERSION_FUNNEL, ReportQuery.between(
                        ReportQuery.bound("2019-10-01T10:05:00Z", "from"), ReportQuery.endBound("2019-10-02 00:20", "to"),
                        null, "electronics", null));
        // Nulls (a new product's rank change) are empty fields.
        assertCsv(url("/api/report/trending-products", "format", "csv"),
                reports, ReportName.TRENDING_PRODUCTS, ReportQuery.all());

        HttpResponse<String> csv = api.get(url(TOP_BRANDS, "limit", "2", "format", "csv"));
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).isEqualTo(String.format("brand,revenue%napple,100.00%nnike,50.00%n"));
    }

    // ---- dashboard-only endpoints ----------------------------------------------------------

    @Test
    void headerOfAWarehouseNoRunIsFeeding() {
        JsonNode h = ok("/api/header");

        assertThat(h.get("clock").asText()).isEqualTo("2019-10-02T12:02:00Z");
        assertThat(h.get("today").asText()).isEqualTo("2019-10-02");
        // Oct 2's purchases only: 30 + 20 + 50, not Oct 1's 170.
        assertThat(h.get("revenue_today").decimalValue()).isEqualTo(money("100.00"));
        // The batch funnel (no live session funnel): 3 of 6 viewing sessions bought.
        assertThat(h.get("session_conversion").doubleValue()).isEqualTo(0.5);
        assertThat(h.get("quarantined_share").doubleValue()).isEqualTo(0.1);
        assertThat(h.get("quarantined_rows").asLong()).isEqualTo(2);
        assertThat(h.get("freshness_seconds").doubleValue()).isEqualTo(0.42);
        // The feed's count does not move, so nothing lands per second.
        assertThat(h.get("events_per_second").doubleValue()).isZero();
        // Not streaming and the transforms have covered every landed event: no day is provisional.
        assertThat(h.get("provisional_day").isNull()).isTrue();
        assertThat(h.get("last_hour").get("from").asText()).isEqualTo("2019-10-02T11:02:00Z");
        assertThat(h.get("last_hour").get("to").asText()).isEqualTo("2019-10-02T12:02:00Z");
        assertThat(h.get("streaming").asBoolean()).isFalse();
    }

    @Test
    void whileARunStreamsTodayIsProvisional() {
        TestFeed streaming = new TestFeed();
        streaming.streaming = true;
        // A server of its own: the shared one's header is cached for half a second.
        try (ControlServer other = start(streaming)) {
            JsonNode h = Api.json(new Api(other.port()).get("/api/header"));

            assertThat(h.get("streaming").asBoolean()).isTrue();
            assertThat(h.get("provisional_day").asText()).isEqualTo("2019-10-02");
            assertThat(h.get("freshness_seconds").isNull()).as("the feed does not know").isTrue();
        }
    }

    @Test
    void categoriesAreTheTopLevelOnesOfTheBatchAndTheLiveLayer() {
        JsonNode categories = ok("/api/categories").get("categories");

        assertThat(texts(categories)).containsExactly("apparel", "appliances", "electronics", "unknown");
    }

    @Test
    void sparklinesGiveTheTopTenTheirViewsPerSlideOverTheHour() {
        JsonNode s = ok("/api/trending/sparklines");

        assertThat(s.get("window_end").asText()).isEqualTo("2019-10-01 10:05");
        assertThat(texts(s.get("slides"))).hasSize(12).startsWith("2019-10-01 09:10", "2019-10-01 09:15")
                .endsWith("2019-10-01 10:00", "2019-10-01 10:05");
        Map<String, List<Long>> series = series(s);
        // 2011 ranked 11th: not in the top 10. The 09:05 slide is an hour before 10:05: outside.
        assertThat(series.keySet()).containsExactlyInAnyOrder("2001", "2002", "2003");
        assertThat(series.get("2001")).containsExactly(8L, null, null, null, null, null, null, null, null, null, 20L, 25L);
        assertThat(series.get("2002")).containsExactly(null, null, null, null, null, null, null, null, null, null, 18L, 30L);
        assertThat(series.get("2003")).containsExactly(null, null, null, null, null, null, null, null, null, null, null, 7L);

        JsonNode earlier = ok(url("/api/trending/sparklines", "to", "2019-10-01 10:04"));
        assertThat(earlier.get("window_end").asText()).isEqualTo("2019-10-01 10:00");
        assertThat(texts(earlier.get("slides"))).hasSize(12).startsWith("2019-10-01 09:05");
        assertThat(series(earlier).get("2001")).containsExactly(5L, 8L, null, null, null, null, null, null, null, null,
                null, 20L);
        assertThat(series(earlier).keySet()).containsExactlyInAnyOrder("2001", "2002");
    }

    @Test
    void liveStreamSendsTheHeaderAndTheLastHoursFunnelOfTheCategory() throws Exception {
        HttpResponse<Stream<String>> stream = api.openStream(url("/api/live", "category", "apparel"));
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/event-stream"));

        // Sent every second: wall-clock bound, hence the generous wait.
        Map<String, String> events = Api.firstEvents(stream, Duration.ofSeconds(10), "header", "funnel");

        assertThat(events).containsOnlyKeys("header", "funnel");
        JsonNode header = Api.JSON.readTree(events.get("header"));
        assertThat(header.get("clock").asText()).isEqualTo("2019-10-02T12:02:00Z");
        assertThat(header.get("revenue_today").decimalValue()).isEqualTo(money("100.00"));
        // The hour up to the clock (11:02 to 12:02 on Oct 2) holds one apparel session, s7: view, cart, purchase.
        JsonNode funnel = Api.JSON.readTree(events.get("funnel"));
        assertThat(funnel.get("name").asText()).isEqualTo("conversion-funnel");
        assertThat(rows(funnel)).containsExactly(
                row("view", 1L, rate("1.0000"), null),
                row("cart", 1L, rate("1.0000"), rate("0.0000")),
                row("purchase", 1L, rate("1.0000"), rate("0.0000")));
    }

    @Test
    void liveStreamWithABadCategoryIsA400BeforeTheStreamOpens() throws Exception {
        HttpResponse<Stream<String>> response = api.openStream(url("/api/live", "category", "x' OR '1'='1"));
        String body;
        try (Stream<String> lines = response.body()) {
            body = lines.collect(Collectors.joining("\n"));
        }

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        assertThat(Api.JSON.readTree(body).get("error").asText()).contains("category");
    }

    @Test
    void healthIsUpWhenEveryComponentIsAndDegradedWith503Otherwise() {
        HttpResponse<String> up = api.get("/health");
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(Api.json(up).get("status").asText()).isEqualTo("up");
        assertThat(Api.json(up).get("components").get("kafka").asText()).isEqualTo("up");

        components = Map.of("warehouse", "up", "kafka", "down: no broker at localhost:9092");
        HttpResponse<String> degraded = api.get("/health");

        assertThat(degraded.statusCode()).isEqualTo(503);
        assertThat(Api.json(degraded).get("status").asText()).isEqualTo("degraded");
        assertThat(Api.json(degraded).get("components").get("kafka").asText()).startsWith("down");
        assertThat(Api.json(degraded).get("components").get("warehouse").asText()).isEqualTo("up");
    }

    @Test
    void metricsArePrometheusTextWithTheFeedTheWarehouseAndEachRoutesLatency() {
        api.get("/api/header");
        api.get(url(TOP_BRANDS, "limit", "2"));
        api.get(url(TOP_BRANDS, "limit", "0"));

        HttpResponse<String> metrics = api.get("/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/plain"));
        List<String> lines = metrics.body().lines().toList();
        assertThat(lines).contains(
                "funnelstream_records_landed_total 1234.0",
                "funnelstream_loader_lag_records 7.0",
                "funnelstream_freshness_seconds 0.42",
                "funnelstream_flink_checkpoint_age_seconds 3.5",
                "funnelstream_quarantined_rows 2.0");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("funnelstream_http_requests_seconds_count{")
                .contains("outcome=\"ok\"", "route=\"/api/report/{name}\""));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("funnelstream_http_requests_seconds_count{")
                .contains("outcome=\"ok\"", "route=\"/api/header\""));
        // The bad limit was answered with a 400: timed as an error.
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("funnelstream_http_requests_seconds_count{")
                .contains("outcome=\"error\"", "route=\"/api/report/{name}\""));
    }

    @Test
    void thePageAndEChartsAreServedByTheServerItself() {
        HttpResponse<String> page = api.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<title>Funnelstream", "webjars/echarts/5.3.1/dist/echarts.min.js");

        HttpResponse<String> echarts = api.get("/webjars/echarts/5.3.1/dist/echarts.min.js");
        assertThat(echarts.statusCode()).isEqualTo(200);
        assertThat(echarts.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).contains("javascript"));
        assertThat(echarts.body()).contains("echarts");
        assertThat(api.get("/dashboard.css").headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
    }

    @Test
    void onlyThePagesFilesAndWebjarsAreServed() {
        // Encoded, so that the client sends the dots as they are and the server sees them.
        for (String path : List.of("/webjars/echarts/5.3.1/dist/nope.js", "/webjars/%2E%2E/%2E%2E/logback.xml",
                "/webjars/..%2F..%2Fdashboard/index.html", "/webjars/echarts/5.3.1/package.json", "/logback.xml")) {
            assertThat(api.get(path).statusCode()).as(path).isIn(400, 404); // Jetty refuses ambiguous paths with 400
        }
    }

    // ---- validation ------------------------------------------------------------------------

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of(TOP_BRANDS, List.of("from", "2019-13-01"), "from"),
                Arguments.of(TOP_BRANDS, List.of("limit", "-1"), "limit"),
                Arguments.of(TOP_BRANDS, List.of("limit", "1000000"), "limit"),
                Arguments.of(TOP_BRANDS, List.of("limit", "abc"), "limit"),
                Arguments.of(FUNNEL, List.of("category", "x' OR '1'='1"), "category"),
                Arguments.of(FUNNEL, List.of("category", "electronics; DROP TABLE raw.events"), "category"),
                Arguments.of("/api/report/revenue-by-category", List.of("category", "electronics; DROP TABLE raw.events"),
                        "category"),
                Arguments.of(TOP_BRANDS, List.of("brand", "a--b"), "brand"),
                Arguments.of("/api/report/daily-revenue", List.of("from", "2019-10-02", "to", "2019-10-01"), "after"),
                Arguments.of(FUNNEL, List.of("from", "2019-10-02 10:00", "to", "2019-10-02T09:59:00Z"), "after"),
                Arguments.of("/api/report/no-such-report", List.of(), "no-such-report"),
                Arguments.of(TOP_BRANDS, List.of("from", "2019-10-01 10:00"), "whole days"),
                Arguments.of(TOP_BRANDS, List.of("format", "xml"), "format"),
                Arguments.of("/api/trending/sparklines", List.of("to", "yesterday"), "to"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badRequests")
    void aBadParameterIsA400WithAOneLineJsonErrorAndTouchesNothing(String path, List<String> params, String names)
            throws SQLException {
        HttpResponse<String> response = api.get(url(path, params.toArray(String[]::new)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        assertThat(response.body()).doesNotContain("\n", "\r", "Exception", "\tat ");
        JsonNode error = Api.json(response);
        assertThat(error.size()).as("only the error").isEqualTo(1);
        assertThat(error.get("error").asText()).contains(names);
        try (Connection c = warehouse.connect()) {
            assertThat(TestWarehouse.rows(c, "SELECT count(*) FROM raw.events")).containsExactly(
                    Long.toString(RAW_EVENTS));
        }
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static ControlServer start(LiveFeed feed) {
        return start(warehouse, feed);
    }

    private static ControlServer start(DuckDbWarehouse w, LiveFeed feed) {
        ReportService reports = new ReportService(w, true);
        return ControlServer.start(ServerSettings.local(0), () -> status(w), () -> components, reports,
                new DashboardService(w, reports, feed));
    }

    private static Status status(DuckDbWarehouse w) throws SQLException {
        try (Connection c = w.connect()) {
            return StatusQuery.read(c, null, false);
        }
    }

    private static void quarantine(Connection c, int rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO raw.quarantine VALUES ('shop.csv', ?, ?, "
                + "'bad_price', 'price is negative', 'x', 'ecommerce.raw', 0, ?, TIMESTAMPTZ '2024-01-01 00:00:00+00')")) {
            for (int i = 1; i <= rows; i++) {
                ps.setLong(1, i);
                ps.setLong(2, i + 1);
                ps.setLong(3, 100 + i);
                ps.executeUpdate();
            }
        }
    }

    /** GET that must answer 200 with JSON; the parsed body. */
    private static JsonNode ok(String path) {
        return ok(api, path);
    }

    private static JsonNode ok(Api server, String path) {
        HttpResponse<String> response = server.get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        return Api.json(response);
    }

    private static void assertCsv(String path, ReportService reports, ReportName name, ReportQuery q)
            throws SQLException {
        StringWriter expected = new StringWriter();
        ReportFormat.csv(reports.report(name, q), new PrintWriter(expected));

        HttpResponse<byte[]> response = api.send(path, HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Each column as "name KIND". */
    private static List<String> columns(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.get("columns").forEach(c -> out.add(c.get("name").asText() + " " + c.get("kind").asText()));
        return out;
    }

    /** The rows as plain values: text, Long, BigDecimal (as sent, with its decimals) or null. */
    private static List<List<Object>> rows(JsonNode report) {
        List<List<Object>> out = new ArrayList<>();
        for (JsonNode r : report.get("rows")) {
            List<Object> row = new ArrayList<>();
            r.forEach(v -> row.add(value(v)));
            out.add(row);
        }
        return out;
    }

    private static Object value(JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        return v.isNumber() ? v.decimalValue() : v.asText();
    }

    private static Map<String, List<Long>> series(JsonNode sparklines) {
        Map<String, List<Long>> out = new LinkedHashMap<>();
        sparklines.get("series").fields().forEachRemaining(e -> {
            List<Long> values = new ArrayList<>();
            e.getValue().forEach(v -> values.add(v.isNull() ? null : v.longValue()));
            out.put(e.getKey(), values);
        });
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static BigDecimal money(String s) {
        return new BigDecimal(s);
    }

    private static BigDecimal rate(String s) {
        return new BigDecimal(s);
    }
}
