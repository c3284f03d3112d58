package dev.funnelstream.warehouse;

import dev.funnelstream.read.IoErrors;
import dev.funnelstream.stream.QuarantineRecord;
import dev.funnelstream.stream.ReplayProgress;
import dev.funnelstream.validate.EventTimes;
import dev.funnelstream.validate.RawEvent;
import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The default warehouse: a DuckDB file, with the processed layer in a second file attached to it
 * (see {@link #liveFile}), both written by this process alone.
 */
public final class DuckDbWarehouse implements Warehouse {
    private static final String EVENTS_STAGE = "raw_events.csv";
    private static final String DUPLICATES_STAGE = "raw_duplicates.csv";
    /** DuckDB's threads when set (all cores otherwise); it wins over {@link #limitThreads}. */
    private static final String THREADS_PROPERTY = "funnelstream.duckdb.threads";
    /** The catalog name of the attached live file, which holds the processed layer. */
    private static final String LIVE = "live";
    /** The live file's bookkeeping schema: the processed loader's positions go in with its rows. */
    private static final String LIVE_PIPELINE = LIVE + ".pipeline";
    private static final String PIPELINE = "pipeline";
    private final DuckDBConnection writer;
    private final boolean readOnly;
    private final Path stageDir;
    /** Its own connection, so live aggregates never wait for a large raw batch to commit. */
    private AggregateWriter aggregateWriter;
    private final Object aggregateLock = new Object();

    private DuckDbWarehouse(DuckDBConnection writer, boolean readOnly, Path stageDir) {
        this.writer = writer;
        this.readOnly = readOnly;
        this.stageDir = stageDir;
    }

    /**
     * Opens (creating if needed) the file and its live file for writing and applies the migrations:
     * the live file's first, as the warehouse file's views of the processed layer read its tables.
     */
    public static DuckDbWarehouse open(Path file) throws SQLException {
        DuckDBConnection conn = connect(file, false);
        try {
            attachLive(conn, liveFile(file), false);
            Migrations.apply(conn, "migrations/live", LIVE_PIPELINE);
            Migrations.apply(conn);
            return new DuckDbWarehouse(conn, false, file.toAbsolutePath().getParent().resolve("stage"));
        } catch (SQLException | RuntimeException e) {
            conn.close();
            throw e;
        }
    }

    /**
     * Caps the threads DuckDB runs queries on (all cores by default), unless
     * {@code -Dfunnelstream.duckdb.threads} set them. With the live job in the same process, a
     * reporting transform on both cores stalled the processed layer's landing for seconds.
     */
    public void limitThreads(int threads) throws SQLException {
        if (System.getProperty(THREADS_PROPERTY) == null) {
            try (Statement st = writer.createStatement()) {
                st.execute("SET GLOBAL threads = " + threads);
            }
        }
    }

    /** Opens an existing file read-only (no process may be writing it), with its live file if any. */
    public static DuckDbWarehouse openReadOnly(Path file) throws SQLException {
        DuckDBConnection conn = connect(file, true);
        try {
            Path live = liveFile(file);
            // A warehouse from before the live file (not yet migrated) has its processed tables inside.
            if (Files.exists(live)) {
                attachLive(conn, live, true);
            }
            return new DuckDbWarehouse(conn, true, null);
        } catch (SQLException | RuntimeException e) {
            conn.close();
            throw e;
        }
    }

    /**
     * The processed layer's own file beside the warehouse file ({@code warehouse.duckdb} ->
     * {@code warehouse.processed.duckdb}): see {@code migrations/live/L001__processed.sql} for why.
     */
    public static Path liveFile(Path warehouseFile) {
        String name = warehouseFile.getFileName().toString();
        String stem = name.endsWith(".duckdb") ? name.substring(0, name.length() - ".duckdb".length()) : name;
        return warehouseFile.resolveSibling(stem + ".processed.duckdb");
    }

    private static void attachLive(Connection conn, Path live, boolean readOnly) throws SQLException {
        // The path comes from --data-dir: bound as a parameter, like every user value.
        try (PreparedStatement ps = conn.prepareStatement("ATTACH ? AS " + LIVE + (readOnly ? " (READ_ONLY)" : ""))) {
            ps.setString(1, live.toAbsolutePath().toString());
            ps.execute();
        }
    }

    private static DuckDBConnection connect(Path file, boolean readOnly) throws SQLException {
        Properties props = new Properties();
        props.setProperty("memory_limit", System.getProperty("funnelstream.duckdb.memory", defaultMemoryLimit()));
        String threads = System.getProperty(THREADS_PROPERTY);
        if (threads != null) {
            props.setProperty("threads", threads);
        }
        if (readOnly) {
            props.setProperty("duckdb.read_only", "true");
        }
        DuckDBConnection conn = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), props);
        try (Statement st = conn.createStatement()) {
            // Days, hours and months are UTC everywhere in Funnelstream, whatever the machine's zone.
            st.execute("SET GLOBAL TimeZone = 'UTC'");
        }
        return conn;
    }

    /**
     * 512 MB: DuckDB would take 80% of the machine by default. It is a cap, not a reservation, but
     * DuckDB keeps pages cached up to it: with 1 GB, or a quarter of 23 GB, the run's peak RSS at 5M
     * events went from 1.6 to 2.1 GB (the target is 2 GB). Transforms over tens of millions of events
     * spill below ~2 GB and run several times faster with more: -Dfunnelstream.duckdb.memory=6GB.
     */
    private static String defaultMemoryLimit() {
        return "512MB";
    }

    @Override
    public synchronized void land(String consumer, RawBatch batch) throws SQLException {
        if (readOnly) {
            throw new IllegalStateException("warehouse opened read-only");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            boolean staged = !batch.events().isEmpty();
            if (staged) {
                stage(batch.events());
            }
            writer.setAutoCommit(false);
            if (staged) {
                List<String> moves = SqlFiles.statements("land/move_stage.sql");
                List<Path> files = List.of(stageDir.resolve(EVENTS_STAGE), stageDir.resolve(DUPLICATES_STAGE));
                for (int i = 0; i < moves.size(); i++) {
                    try (PreparedStatement ps = writer.prepareStatement(moves.get(i))) {
                        ps.setObject(1, now);
                        ps.setString(2, files.get(i).toString());
                        ps.executeUpdate();
                    }
                }
            }
            insertQuarantine(batch.quarantined(), now);
            upsertProgress(batch.progress(), now);
            upsertPositions(writer, PIPELINE, consumer, batch.positions(), now);
            upsertRowCounts(batch.rowCounts(), now);
            if (batch.kafkaLag() != null) {
                try (PreparedStatement ps = writer.prepareStatement(SqlFiles.load("land/upsert_lag.sql"))) {
                    ps.setString(1, consumer);
                    ps.setLong(2, batch.kafkaLag());
                    ps.setObject(3, now);
                    ps.executeUpdate();
                }
            }
            writer.commit();
        } catch (SQLException | RuntimeException e) {
            if (!writer.getAutoCommit()) {
                writer.rollback();
            }
            throw e;
        } finally {
            writer.setAutoCommit(true);
        }
    }

    /**
     * Splits the batch into new events and exact repeats (of landed events or within the batch;
     * the first copy by partition and offset wins) and writes both to the stage files.
     */
    private void stage(List<RawBatch.Event> events) throws SQLException {
        // Records come from Kafka in offset order per partition, and repeats share a partition.
        Set<EventKey> seen = knownEvents(events);
        try (StageCsv newEvents = new StageCsv(stageDir.resolve(EVENTS_STAGE));
             StageCsv repeats = new StageCsv(stageDir.resolve(DUPLICATES_STAGE))) {
            for (RawBatch.Event le : events) {
                RawEvent e = le.event();
                String time = EventTimes.isoUtc(e.eventTime());
                if (!seen.add(new EventKey(le.eventId(), micros(e.eventTime())))) {
                    repeats.number(le.eventId()).raw(time).number(le.partition()).number(le.offset()).endRow();
                    continue;
                }
                newEvents.number(le.eventId())
                        .raw(time)
                        .raw(e.eventType().wireName())
                        .number(e.productId())
                        .number(e.categoryId())
                        .text(e.categoryCode())
                        .text(e.brand())
                        .raw(e.price().toPlainString())
                        .number(e.userId())
                        .text(e.userSession())
                        .number(le.partition())
                        .number(le.offset())
                        .endRow();
            }
        } catch (IOException e) {
            throw new SQLException("cannot write the stage files in " + stageDir + ": " + IoErrors.reason(e), e);
        }
    }

    /**
     * The (id, time) of landed events that a batch's events could repeat. Exact repeats have the
     * same record key (session, or user), so they are in the same partition and share the event
     * time: per partition, only the batch's time range needs looking at.
     */
    private Set<EventKey> knownEvents(List<RawBatch.Event> events) throws SQLException {
        Map<Integer, Instant[]> ranges = new HashMap<>();
        for (RawBatch.Event e : events) {
            Instant t = e.event().eventTime();
            Instant[] r = ranges.computeIfAbsent(e.partition(), k -> new Instant[] {t, t});
            r[0] = t.isBefore(r[0]) ? t : r[0];
            r[1] = t.isAfter(r[1]) ? t : r[1];
        }
        Set<EventKey> known = new HashSet<>(events.size() * 2);
        try (PreparedStatement ps = writer.prepareStatement(SqlFiles.load("land/select_known_events.sql"))) {
            for (Map.Entry<Integer, Instant[]> r : ranges.entrySet()) {
                ps.setInt(1, r.getKey());
                ps.setObject(2, r.getValue()[0].atOffset(ZoneOffset.UTC));
                ps.setObject(3, r.getValue()[1].atOffset(ZoneOffset.UTC));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        known.add(new EventKey(rs.getLong(1),
                                micros(rs.getObject(2, OffsetDateTime.class).toInstant())));
                    }
                }
            }
        }
        return known;
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    /** An event's identity as the warehouse matches it: id hash and time. */
    private record EventKey(long id, long micros) {
    }

    private void insertQuarantine(List<RawBatch.Quarantined> rows, OffsetDateTime now) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = writer.prepareStatement(SqlFiles.load("land/insert_quarantine.sql"))) {
            for (RawBatch.Quarantined q : rows) {
                QuarantineRecord r = q.record();
                ps.setString(1, r.source());
                ps.setLong(2, r.row());
                ps.setLong(3, r.line());
                ps.setString(4, r.reason());
                ps.setString(5, r.detail());
                ps.setString(6, r.rawLine());
                ps.setString(7, q.topic());
                ps.setInt(8, q.partition());
                ps.setLong(9, q.offset());
                ps.setObject(10, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void upsertProgress(List<ReplayProgress> progress, OffsetDateTime now) throws SQLException {
        if (progress.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = writer.prepareStatement(SqlFiles.load("land/upsert_replay_source.sql"))) {
            for (ReplayProgress p : progress) {
                ps.setString(1, p.source());
                ps.setLong(2, p.position());
                ps.setLong(3, p.replayed());
                ps.setLong(4, p.skipped());
                ps.setBoolean(5, p.complete());
                ps.setString(6, p.error());
                ps.setObject(7, now);
                ps.executeUpdate();
            }
        }
    }

    private static void upsertPositions(Connection writer, String pipeline, String consumer,
                                        List<RawBatch.Position> positions, OffsetDateTime now) throws SQLException {
        if (positions.isEmpty()) {
            return;
        }
        String rows = String.join(", ", Collections.nCopies(positions.size(), "(?, ?, ?, ?, ?)"));
        String sql = SqlFiles.statements("land/upsert_offset.sql", Map.of("rows", rows, "pipeline", pipeline)).get(0);
        try (PreparedStatement ps = writer.prepareStatement(sql)) {
            int at = 0;
            for (RawBatch.Position p : positions) {
                ps.setString(++at, consumer);
                ps.setString(++at, p.topic());
                ps.setInt(++at, p.partition());
                ps.setLong(++at, p.nextOffset());
                ps.setObject(++at, now);
            }
            ps.executeUpdate();
        }
    }

    private void upsertRowCounts(List<RawBatch.RowCount> counts, OffsetDateTime now) throws SQLException {
        if (counts.isEmpty()) {
            return;
        }
        String rows = String.join(", ", Collections.nCopies(counts.size(), "(?, ?, ?, ?, ?)"));
        String sql = SqlFiles.statements("land/upsert_row_counts.sql", Map.of("rows", rows)).get(0);
        try (PreparedStatement ps = writer.prepareStatement(sql)) {
            int at = 0;
            for (RawBatch.RowCount r : counts) {
                ps.setString(++at, r.counter());
                ps.setString(++at, r.topic());
                ps.setInt(++at, r.partition());
                ps.setLong(++at, r.rows());
                ps.setObject(++at, now);
            }
            ps.executeUpdate();
        }
    }

    @Override
    public void landAggregates(String consumer, AggregateBatch batch) throws SQLException {
        synchronized (aggregateLock) {
            if (readOnly) {
                throw new IllegalStateException("warehouse opened read-only");
            }
            if (aggregateWriter == null) {
                aggregateWriter = new AggregateWriter(connect());
            }
            aggregateWriter.land(batch, (c, now) -> upsertPositions(c, LIVE_PIPELINE, consumer, batch.positions(), now));
        }
    }

    @Override
    public List<RawBatch.Position> positions(String consumer) throws SQLException {
        return positions(PIPELINE, consumer);
    }

    @Override
    public List<RawBatch.RowCount> rowCounts() throws SQLException {
        List<RawBatch.RowCount> out = new ArrayList<>();
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement(SqlFiles.load("land/select_row_counts.sql"));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new RawBatch.RowCount(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4)));
            }
        }
        return out;
    }

    @Override
    public List<RawBatch.Position> aggregatePositions(String consumer) throws SQLException {
        return positions(LIVE_PIPELINE, consumer);
    }

    private List<RawBatch.Position> positions(String pipeline, String consumer) throws SQLException {
        List<RawBatch.Position> out = new ArrayList<>();
        String sql = SqlFiles.statements("land/select_offsets.sql", Map.of("pipeline", pipeline)).get(0);
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, consumer);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RawBatch.Position(rs.getString(1), rs.getInt(2), rs.getLong(3)));
                }
            }
        }
        return out;
    }

    @Override
    public Connection connect() throws SQLException {
        // duplicate() copies the source's current auto-commit flag: taken while the loader is inside
        // a batch's transaction, the new connection would never commit. Always start in auto-commit.
        Connection c = writer.duplicate();
        c.setAutoCommit(true);
        return c;
    }

    /**
     * Closes both writers, each on its own: a failure closing one still closes the other. The
     * aggregate writer's lock is taken, so a batch of aggregates in flight ends first.
     */
    @Override
    public synchronized void close() {
        synchronized (aggregateLock) {
            if (aggregateWriter != null) {
                closeQuietly(aggregateWriter.connection());
            }
        }
        closeQuietly(writer);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // Closing flushes the WAL; a failure here leaves the file to be recovered on next open.
            org.slf4j.LoggerFactory.getLogger(DuckDbWarehouse.class).warn("Closing the warehouse failed: {}", e.getMessage());
        }
    }
}
