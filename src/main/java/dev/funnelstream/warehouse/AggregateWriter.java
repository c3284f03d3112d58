package dev.funnelstream.warehouse;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes batches of live aggregates into the processed layer on a connection of its own, each
 * batch in one transaction with the positions its caller stores. Not thread-safe: the warehouse
 * calls it under its lock.
 */
final class AggregateWriter {
    private final Connection connection;
    /** The aggregates whose TEMP stage exists on the connection. */
    private final Set<String> stages = new HashSet<>();

    AggregateWriter(Connection connection) {
        this.connection = connection;
    }

    /** Stores what the batch's rows must commit with (the consumer's positions). */
    interface InSameTransaction {
        void write(Connection c, OffsetDateTime now) throws SQLException;
    }

    Connection connection() {
        return connection;
    }

    /** The batch's upserts and deletes, and {@code positions}, in one transaction: all or none. */
    void land(AggregateBatch batch, InSameTransaction positions) throws SQLException {
        Connection c = connection;
        createStages(c, batch.changes());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            c.setAutoCommit(false);
            writeChanges(c, batch.changes(), now);
            positions.write(c, now);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** Creates the missing stages outside the batch's transaction, so a rollback cannot undo them. */
    private void createStages(Connection c, List<AggregateBatch.Change> changes) throws SQLException {
        for (AggregateBatch.Change change : changes) {
            if (!change.isDelete() && !stages.contains(change.aggregate())) {
                Map<String, String> names = Map.of("aggregate", change.aggregate(),
                        "table", processedTable(change.aggregate()));
                try (Statement st = c.createStatement()) {
                    for (String sql : SqlFiles.statements("land/processed/stage.sql", names)) {
                        st.execute(sql);
                    }
                }
                stages.add(change.aggregate());
            }
        }
    }

    /**
     * Stages each aggregate's rows with DuckDB's appender and merges them in one statement:
     * row-by-row upserts into an indexed table cost about a millisecond each, too slow for a stream.
     */
    private static void writeChanges(Connection c, List<AggregateBatch.Change> changes, OffsetDateTime now)
            throws SQLException {
        Map<String, List<Object[]>> upserts = new LinkedHashMap<>();
        for (AggregateBatch.Change change : changes) {
            if (change.isDelete()) {
                try (PreparedStatement ps = c.prepareStatement(
                        SqlFiles.load("land/processed/" + change.aggregate() + "_delete.sql"))) {
                    bind(ps, 0, change.key());
                    ps.executeUpdate();
                }
            } else {
                upserts.computeIfAbsent(change.aggregate(), a -> new ArrayList<>()).add(change.values());
            }
        }
        for (Map.Entry<String, List<Object[]>> e : upserts.entrySet()) {
            Map<String, String> names = Map.of("aggregate", e.getKey(), "table", processedTable(e.getKey()));
            try (DuckDBAppender appender = c.unwrap(DuckDBConnection.class)
                    .createAppender("temp", "main", "stage_" + e.getKey())) {
                for (Object[] row : e.getValue()) {
                    appender.beginRow();
                    for (Object v : row) {
                        appendValue(appender, v);
                    }
                    appender.append(now);
                    appender.endRow();
                }
            }
            try (Statement st = c.createStatement()) {
                for (String sql : SqlFiles.statements("land/processed/merge.sql", names)) {
                    st.execute(sql);
                }
            }
        }
    }

    private static String processedTable(String aggregate) {
        return aggregate.equals("trending") ? "trending_products" : aggregate;
    }

    private static void appendValue(DuckDBAppender a, Object v) throws SQLException {
        if (v == null) {
            a.appendNull();
        } else if (v instanceof OffsetDateTime t) {
            a.append(t);
        } else if (v instanceof BigDecimal d) {
            a.append(d);
        } else if (v instanceof Long l) {
            a.append(l);
        } else if (v instanceof Integer i) {
            a.append(i);
        } else if (v instanceof String s) {
            a.append(s);
        } else {
            throw new IllegalArgumentException("cannot stage a " + v.getClass().getSimpleName());
        }
    }

    private static int bind(PreparedStatement ps, int at, Object[] values) throws SQLException {
        for (Object v : values) {
            ps.setObject(++at, v);
        }
        return at;
    }

}
