package dev.funnelstream.warehouse;

import dev.funnelstream.transform.TestWarehouse;
import dev.funnelstream.warehouse.AggregateBatch.Change;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link DuckDbWarehouse#landAggregates}: upserts and deletes in the four processed tables and the
 * consumer positions, in one transaction, in a real DuckDB file.
 */
class AggregateLandingTest {
    private static final String CONSUMER = "aggregate-loader";
    private static final OffsetDateTime M0 = utc("2019-10-01T10:00:00Z");
    private static final OffsetDateTime M1 = utc("2019-10-01T10:01:00Z");
    private static final OffsetDateTime H10 = utc("2019-10-01T10:00:00Z");
    private static final OffsetDateTime H11 = utc("2019-10-01T11:00:00Z");
    private static final OffsetDateTime W0 = utc("2019-10-01T10:05:00Z");

    @TempDir
    Path dir;
    private DuckDbWarehouse warehouse;

    @BeforeEach
    void open() throws SQLException {
        warehouse = TestWarehouse.open(dir);
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    private static OffsetDateTime utc(String iso) {
        return OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static Change upsert(String aggregate, Object[] key, Object... values) {
        return new Change(aggregate, key, values);
    }

    private static Change delete(String aggregate, Object... key) {
        return new Change(aggregate, key, null);
    }

    private static Object[] key(Object... key) {
        return key;
    }

    private static BigDecimal money(String s) {
        return new BigDecimal(s).setScale(6);
    }

    private static List<RawBatch.Position> positions(long funnel, long session, long trending, long late) {
        return List.of(
                new RawBatch.Position("ecommerce.agg.funnel-minute", 0, funnel),
                new RawBatch.Position("ecommerce.agg.session-funnel", 0, session),
                new RawBatch.Position("ecommerce.agg.trending", 0, trending),
                new RawBatch.Position("ecommerce.agg.late-events", 1, late));
    }

    /** One batch with two keys in every processed table. */
    private AggregateBatch firstBatch() {
        return new AggregateBatch(List.of(
                upsert("funnel_minute", key(M0, "all"), M0, "all", 10L, 4L, 1L, 2L, money("150.5"), 6L, 3L, 2L),
                upsert("funnel_minute", key(M0, "electronics"), M0, "electronics", 7L, 3L, 0L, 1L, money("100"),
                        4L, 2L, 1L),
                upsert("session_funnel", key(H10), H10, 20L, 5L, 2L),
                upsert("session_funnel", key(H11), H11, 8L, 1L, 0L),
                upsert("trending", key(W0, 1), W0, 1, 1005115L, 50L, 6L, 2L, money("1799.8"), "apple",
                        "electronics.smartphone", 2),
                upsert("trending", key(W0, 2), W0, 2, 1004767L, 40L, 2L, 0L, money("0"), null, null, null),
                upsert("late_events", key(M0), M0, 3L),
                upsert("late_events", key(M1), M1, 1L)),
                positions(10, 20, 30, 40));
    }

    private Map<String, List<String>> contents() throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (Connection c = warehouse.connect()) {
            out.put("funnel_minute", TestWarehouse.rows(c, """
                    SELECT strftime(minute, '%Y-%m-%dT%H:%M'), category, views, carts, remove_from_carts, purchases,
                           revenue, sessions_viewed, sessions_carted, sessions_purchased
                    FROM processed.funnel_minute ORDER BY ALL"""));
            out.put("session_funnel", TestWarehouse.rows(c, """
                    SELECT strftime(hour, '%Y-%m-%dT%H:%M'), viewed, carted, purchased
                    FROM processed.session_funnel ORDER BY ALL"""));
            out.put("trending", TestWarehouse.rows(c, """
                    SELECT strftime(window_end, '%Y-%m-%dT%H:%M'), rank, product_id, views, carts, purchases, revenue,
                           brand, category_code, previous_rank
                    FROM processed.trending_products ORDER BY ALL"""));
            out.put("late_events", TestWarehouse.rows(c, """
                    SELECT strftime(minute, '%Y-%m-%dT%H:%M'), events FROM processed.late_events ORDER BY ALL"""));
        }
        return out;
    }

    private static final Map<String, List<String>> AFTER_FIRST = Map.of(
            "funnel_minute", List.of(
                    "2019-10-01T10:00|all|10|4|1|2|150.500000|6|3|2",
                    "2019-10-01T10:00|electronics|7|3|0|1|100.000000|4|2|1"),
            "session_funnel", List.of(
                    "2019-10-01T10:00|20|5|2",
                    "2019-10-01T11:00|8|1|0"),
            "trending", List.of(
                    "2019-10-01T10:05|1|1005115|50|6|2|1799.800000|apple|electronics.smartphone|2",
                    "2019-10-01T10:05|2|1004767|40|2|0|0.000000|null|null|null"),
            "late_events", List.of(
                    "2019-10-01T10:00|3",
                    "2019-10-01T10:01|1"));

    @Test
    void aBatchUpsertsIntoEveryProcessedTableAndStoresThePositions() throws SQLException {
        warehouse.landAggregates(CONSUMER, firstBatch());

        assertThat(contents()).containsExactlyInAnyOrderEntriesOf(AFTER_FIRST);
        assertThat(warehouse.aggregatePositions(CONSUMER)).containsExactlyInAnyOrderElementsOf(positions(10, 20, 30, 40));
        assertThat(warehouse.aggregatePositions("someone-else")).isEmpty();
        try (Connection c = warehouse.connect()) {
            for (String table : List.of("funnel_minute", "session_funnel", "trending_products", "late_events")) {
                assertThat(TestWarehouse.rows(c, "SELECT count(*) FROM processed." + table + " WHERE updated_at IS NULL"))
                        .as(table).containsExactly("0");
            }
        }
    }

    @Test
    void theRowsAndPositionsLandInTheLiveFileAndTheRawPositionsStayApart() throws Exception {
        warehouse.landAggregates(CONSUMER, firstBatch());
        assertThat(warehouse.positions(CONSUMER)).as("raw loader's positions").isEmpty();
        warehouse.close();

        // The live file alone holds the rows and the positions, in its own processed and pipeline schemas.
        Path live = DuckDbWarehouse.liveFile(dir.resolve("warehouse.duckdb"));
        assertThat(live.getFileName()).hasToString("warehouse.processed.duckdb");
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + live)) {
            assertThat(TestWarehouse.rows(c, "SELECT count(*) FROM processed.funnel_minute")).containsExactly("2");
            assertThat(TestWarehouse.rows(c, "SELECT count(*) FROM pipeline.consumer_offsets")).containsExactly("4");
        }
        // Read-only, the warehouse attaches the live file again and its views show the same rows.
        warehouse = DuckDbWarehouse.openReadOnly(dir.resolve("warehouse.duckdb"));
        assertThat(contents()).containsExactlyInAnyOrderEntriesOf(AFTER_FIRST);
        assertThat(warehouse.aggregatePositions(CONSUMER)).containsExactlyInAnyOrderElementsOf(positions(10, 20, 30, 40));
    }

    @Test
    void aDataDirWithAQuoteInItsPathWorks(@TempDir Path other) throws Exception {
        Path quoted = Files.createDirectories(other.resolve("shop's data"));
        try (DuckDbWarehouse wh = DuckDbWarehouse.open(quoted.resolve("warehouse.duckdb"))) {
            wh.landAggregates(CONSUMER, firstBatch());
        }
        assertThat(quoted.resolve("warehouse.processed.duckdb")).exists();
        try (DuckDbWarehouse wh = DuckDbWarehouse.openReadOnly(quoted.resolve("warehouse.duckdb"))) {
            assertThat(wh.aggregatePositions(CONSUMER)).hasSize(4);
        }
    }

    @Test
    void aLaterBatchReplacesOneKeyAndDeletesAnotherInEachTable() throws SQLException {
        warehouse.landAggregates(CONSUMER, firstBatch());

        warehouse.landAggregates(CONSUMER, new AggregateBatch(List.of(
                upsert("funnel_minute", key(M0, "all"), M0, "all", 11L, 5L, 1L, 3L, money("200.25"), 7L, 4L, 3L),
                delete("funnel_minute", M0, "electronics"),
                delete("session_funnel", H10),
                upsert("session_funnel", key(H11), H11, 9L, 2L, 1L),
                upsert("trending", key(W0, 1), W0, 1, 1004767L, 60L, 3L, 1L, money("12.345678"), null, "x.y", null),
                delete("trending", W0, 2),
                upsert("late_events", key(M0), M0, 4L),
                delete("late_events", M1)),
                positions(11, 21, 31, 41)));

        assertThat(contents()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "funnel_minute", List.of("2019-10-01T10:00|all|11|5|1|3|200.250000|7|4|3"),
                "session_funnel", List.of("2019-10-01T11:00|9|2|1"),
                "trending", List.of("2019-10-01T10:05|1|1004767|60|3|1|12.345678|null|x.y|null"),
                "late_events", List.of("2019-10-01T10:00|4")));
        assertThat(warehouse.aggregatePositions(CONSUMER)).containsExactlyInAnyOrderElementsOf(positions(11, 21, 31, 41));
    }

    @Test
    void landingTheSameBatchTwiceIsIdempotent() throws SQLException {
        warehouse.landAggregates(CONSUMER, firstBatch());
        warehouse.landAggregates(CONSUMER, firstBatch());

        assertThat(contents()).containsExactlyInAnyOrderEntriesOf(AFTER_FIRST);
    }

    @Test
    void deletingAKeyThatIsNotThereIsNoError() throws SQLException {
        warehouse.landAggregates(CONSUMER, new AggregateBatch(List.of(
                delete("funnel_minute", M0, "all"), delete("session_funnel", H10), delete("trending", W0, 1),
                delete("late_events", M0)), positions(1, 1, 1, 1)));

        assertThat(contents().values()).allSatisfy(rows -> assertThat(rows).isEmpty());
        assertThat(warehouse.aggregatePositions(CONSUMER)).containsExactlyInAnyOrderElementsOf(positions(1, 1, 1, 1));
    }

    @Test
    void aBatchWithOnlyPositionsMovesThePositions() throws SQLException {
        warehouse.landAggregates(CONSUMER, firstBatch());
        warehouse.landAggregates(CONSUMER, new AggregateBatch(List.of(), positions(12, 20, 30, 40)));

        assertThat(contents()).containsExactlyInAnyOrderEntriesOf(AFTER_FIRST);
        assertThat(warehouse.aggregatePositions(CONSUMER)).containsExactlyInAnyOrderElementsOf(positions(12, 20, 30, 40));
    }

    @Test
    void aValueOfAnUnstageableJavaTypeRollsTheWholeBatchBack() throws SQLException {
        warehouse.landAggregates(CONSUMER, firstBatch());

        AggregateBatch bad = new AggregateBatch(List.of(
                delete("session_funnel", H10),
                upsert("late_events", key(M0), M0, 99L),
                upsert("funnel_minute", key(M1, "all"), M1, "all", 1L, 0L, 0L, 0L, money("0"), 1L, 0L, 0L),
                // A double where the table has BIGINT: the codec never produces one.
                upsert("funnel_minute", key(M0, "all"), M0, "all", 10.5d, 4L, 1L, 2L, money("1"), 6L, 3L, 2L)),
                positions(99, 99, 99, 99));

        assertThatThrownBy(() -> warehouse.landAggregates(CONSUMER, bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Double");

        assertThat(contents()).containsExactlyInAnyOrderEntriesOf(AFTER_FIRST);
        assertThat(warehouse.aggregatePositions(CONSUMER)).containsExactlyInAnyOrderElementsOf(positions(10, 20, 30, 40));
        assertTheWarehouseStillLands();
    }

    @Test
    void aValueTheDatabaseRejectsRollsTheWholeBatchBack() throws SQLException {
        warehouse.landAggregates(CONSUMER, firstBatch());

        AggregateBatch bad = new AggregateBatch(List.of(
                delete("trending", W0, 2),
                upsert("late_events", key(M0), M0, 99L),
                // A null in a NOT NULL column: only the merge into the processed table fails.
                upsert("session_funnel", key(H10), H10, null, 5L, 2L)),
                positions(99, 99, 99, 99));

        assertThatThrownBy(() -> warehouse.landAggregates(CONSUMER, bad)).isInstanceOf(SQLException.class);

        assertThat(contents()).containsExactlyInAnyOrderEntriesOf(AFTER_FIRST);
        assertThat(warehouse.aggregatePositions(CONSUMER)).containsExactlyInAnyOrderElementsOf(positions(10, 20, 30, 40));
        assertTheWarehouseStillLands();
    }

    @Test
    void aStringWhereTheTableHasANumberRollsTheWholeBatchBack() throws SQLException {
        warehouse.landAggregates(CONSUMER, firstBatch());

        AggregateBatch bad = new AggregateBatch(List.of(
                delete("funnel_minute", M0, "electronics"),
                upsert("late_events", key(M0), M0, "many")),
                positions(99, 99, 99, 99));

        assertThatThrownBy(() -> warehouse.landAggregates(CONSUMER, bad)).isInstanceOf(Exception.class);

        assertThat(contents()).containsExactlyInAnyOrderEntriesOf(AFTER_FIRST);
        assertThat(warehouse.aggregatePositions(CONSUMER)).containsExactlyInAnyOrderElementsOf(positions(10, 20, 30, 40));
        assertTheWarehouseStillLands();
    }

    /**
     * After a failed batch the aggregate connection is usable again (in auto-commit, nothing pending),
     * and no stage kept rows of the failed batch: a later batch into every table lands only its own.
     */
    private void assertTheWarehouseStillLands() throws SQLException {
        List<Change> changes = new ArrayList<>();
        changes.add(upsert("late_events", key(M1), M1, 5L));
        changes.add(upsert("funnel_minute", key(M1, "all"), M1, "all", 2L, 0L, 0L, 0L, money("0"), 2L, 0L, 0L));
        changes.add(upsert("session_funnel", key(H11), H11, 9L, 1L, 0L));
        changes.add(upsert("trending", key(W0, 3), W0, 3, 1002544L, 30L, 0L, 0L, money("0"), null, null, 1));
        warehouse.landAggregates(CONSUMER, new AggregateBatch(changes, positions(13, 20, 30, 40)));

        assertThat(contents().get("late_events")).containsExactly("2019-10-01T10:00|3", "2019-10-01T10:01|5");
        List<String> minutes = new ArrayList<>(AFTER_FIRST.get("funnel_minute"));
        minutes.add("2019-10-01T10:01|all|2|0|0|0|0.000000|2|0|0");
        assertThat(contents().get("funnel_minute")).containsExactlyElementsOf(minutes);
        assertThat(contents().get("session_funnel")).containsExactly("2019-10-01T10:00|20|5|2", "2019-10-01T11:00|9|1|0");
        List<String> trending = new ArrayList<>(AFTER_FIRST.get("trending"));
        trending.add("2019-10-01T10:05|3|1002544|30|0|0|0.000000|null|null|1");
        assertThat(contents().get("trending")).containsExactlyElementsOf(trending);
        assertThat(warehouse.aggregatePositions(CONSUMER)).containsExactlyInAnyOrderElementsOf(positions(13, 20, 30, 40));
    }

    @Test
    void thePositionsOfManyPartitionsLandTogetherAndMoveOnlyTheirOwn() throws SQLException {
        List<RawBatch.Position> first = new ArrayList<>();
        for (int p = 0; p < 24; p++) {
            first.add(new RawBatch.Position("ecommerce.agg.funnel-minute", p, 100 + p));
        }
        warehouse.landAggregates(CONSUMER, new AggregateBatch(List.of(), first));
        warehouse.landAggregates("another-consumer", new AggregateBatch(List.of(), positions(1, 2, 3, 4)));
        List<RawBatch.Position> moved = List.of(new RawBatch.Position("ecommerce.agg.funnel-minute", 7, 500),
                new RawBatch.Position("ecommerce.agg.funnel-minute", 23, 600));
        warehouse.landAggregates(CONSUMER, new AggregateBatch(List.of(), moved));

        List<RawBatch.Position> expected = new ArrayList<>(first);
        expected.set(7, moved.get(0));
        expected.set(23, moved.get(1));
        assertThat(warehouse.aggregatePositions(CONSUMER)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(warehouse.aggregatePositions("another-consumer")).containsExactlyInAnyOrderElementsOf(positions(1, 2, 3, 4));
    }

    @Test
    void limitingThreadsCapsDuckDbAndLandingStillWorks() throws SQLException {
        warehouse.limitThreads(1);

        try (Connection c = warehouse.connect()) {
            assertThat(TestWarehouse.rows(c, "SELECT current_setting('threads')")).containsExactly("1");
        }
        warehouse.landAggregates(CONSUMER, firstBatch());
        assertThat(contents()).containsExactlyInAnyOrderEntriesOf(AFTER_FIRST);
    }
}
