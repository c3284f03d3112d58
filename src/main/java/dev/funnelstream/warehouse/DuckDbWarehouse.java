package dev.funnelstream.warehouse;

import dev.funnelstream.stream.QuarantineRecord;
import dev.funnelstream.stream.ReplayProgress;
import dev.funnelstream.validate.RawEvent;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** The default warehouse: one DuckDB file, written by this process alone. */
public final class DuckDbWarehouse implements Warehouse {
    /** The scale of raw.events.price, DECIMAL(18, 6). */
    private static final int PRICE_SCALE = 6;
    private final DuckDBConnection writer;
    private final boolean readOnly;

    private DuckDbWarehouse(DuckDBConnection writer, boolean readOnly) {
        this.writer = writer;
        this.readOnly = readOnly;
    }

    /** Opens (creating if needed) the file for writing and applies the migrations. */
    public static DuckDbWarehouse open(Path file) throws SQLException {
        DuckDBConnection conn = connect(file, false);
        try {
            Migrations.apply(conn);
            try (Statement st = conn.createStatement()) {
                for (String sql : SqlFiles.statements("land/create_stage.sql")) {
                    st.execute(sql);
                }
            }
            return new DuckDbWarehouse(conn, false);
        } catch (SQLException | RuntimeException e) {
            conn.close();
            throw e;
        }
    }

    /** Opens an existing file read-only (no process may be writing it). */
    public static DuckDbWarehouse openReadOnly(Path file) throws SQLException {
        return new DuckDbWarehouse(connect(file, true), true);
    }

    private static DuckDBConnection connect(Path file, boolean readOnly) throws SQLException {
        Properties props = new Properties();
        // DuckDB would take 80% of the machine's memory by default; it spills to disk past this.
        props.setProperty("memory_limit", System.getProperty("funnelstream.duckdb.memory", "512MB"));
        if (readOnly) {
            props.setProperty("duckdb.read_only", "true");
        }
        return (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), props);
    }

    @Override
    public synchronized void land(String consumer, RawBatch batch) throws SQLException {
        if (readOnly) {
            throw new IllegalStateException("warehouse opened read-only");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        writer.setAutoCommit(false);
        try {
            if (!batch.events().isEmpty()) {
                stageEvents(batch.events());
                try (Statement st = writer.createStatement()) {
                    st.execute(SqlFiles.load("land/mark_stage.sql"));
                }
                executeWithTime("land/insert_events.sql", now);
                executeWithTime("land/insert_duplicates.sql", now);
                try (Statement st = writer.createStatement()) {
                    st.execute(SqlFiles.load("land/clear_stage.sql"));
                }
            }
            insertQuarantine(batch.quarantined(), now);
            upsertProgress(batch.progress(), now);
            upsertPositions(consumer, batch.positions(), now);
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
            writer.rollback();
            throw e;
        } finally {
            writer.setAutoCommit(true);
        }
    }

    private void stageEvents(List<RawBatch.Event> events) throws SQLException {
        // The appender writes into this connection's open transaction, so a rollback undoes it.
        try (DuckDBAppender a = writer.createAppender("temp", "main", "raw_events_stage")) {
            for (RawBatch.Event le : events) {
                RawEvent e = le.event();
                a.beginRow()
                        .append(le.eventId())
                        .appendEpochMicros(e.eventTime().getEpochSecond() * 1_000_000L + e.eventTime().getNano() / 1_000)
                        .append(e.eventType().wireName())
                        .append(e.productId())
                        .append(e.categoryId())
                        .append(e.categoryCode())
                        .append(e.brand())
                        .append(e.price().setScale(PRICE_SCALE)) // exact: the validator caps decimals at 6
                        .append(e.userId())
                        .append(e.userSession())
                        .append(le.partition())
                        .append(le.offset())
                        .endRow();
            }
        }
    }

    private void executeWithTime(String sqlFile, OffsetDateTime now) throws SQLException {
        try (PreparedStatement ps = writer.prepareStatement(SqlFiles.load(sqlFile))) {
            ps.setObject(1, now);
            ps.executeUpdate();
        }
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

    private void upsertPositions(String consumer, List<RawBatch.Position> positions, OffsetDateTime now)
            throws SQLException {
        try (PreparedStatement ps = writer.prepareStatement(SqlFiles.load("land/upsert_offset.sql"))) {
            for (RawBatch.Position p : positions) {
                ps.setString(1, consumer);
                ps.setString(2, p.topic());
                ps.setInt(3, p.partition());
                ps.setLong(4, p.nextOffset());
                ps.setObject(5, now);
                ps.executeUpdate();
            }
        }
    }

    @Override
    public List<RawBatch.Position> positions(String consumer) throws SQLException {
        List<RawBatch.Position> out = new ArrayList<>();
        try (Connection c = openReader();
             PreparedStatement ps = c.prepareStatement(SqlFiles.load("land/select_offsets.sql"))) {
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
    public Connection openReader() throws SQLException {
        return writer.duplicate();
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (SQLException e) {
            // Closing flushes the WAL; a failure here leaves the file to be recovered on next open.
            org.slf4j.LoggerFactory.getLogger(DuckDbWarehouse.class).warn("Closing the warehouse failed: {}", e.getMessage());
        }
    }
}
