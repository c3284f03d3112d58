package dev.funnelstream.transform;

import dev.funnelstream.warehouse.SqlFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Rebuilds the reporting layer from raw.events: the files listed in {@code transform/index.txt}, in
 * order, in one transaction, covering only what was loaded since the last successful run. Runs are
 * serialized in this JVM (DuckDB would reject two transactions rewriting the same rows).
 */
public final class Transforms {
    private static final Logger log = LoggerFactory.getLogger(Transforms.class);
    private static final Object LOCK = new Object();

    private Transforms() {
    }

    /** Runs the transforms on the connection and records the run in {@code pipeline.transform_runs}. */
    public static TransformRun run(Connection c) throws SQLException {
        synchronized (LOCK) {
            OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                if (ask(c, "transform/nothing_new.sql")) {
                    // The files' ~85 statements would plan and run over empty inputs to change nothing
                    // (0.2-0.3 s on a large warehouse, every 30 s while a live run is quiet).
                    record(c, "transform/record_idle_run.sql", started);
                } else {
                    // Only a run that looks sessions up in the kept state needs their hashes to match.
                    if (ask(c, "transform/hash_changed.sql")) {
                        log.warn("DuckDB's hash() is not the one the transforms' kept state was built with"
                                + " (a DuckDB upgrade?): this run rebuilds the reporting layer from raw.events");
                        execute(c, "reset_state.sql");
                    }
                    long rows = 0;
                    for (String file : files()) {
                        long fileStart = System.nanoTime();
                        rows += execute(c, file);
                        log.debug("{} took {} ms", file, (System.nanoTime() - fileStart) / 1_000_000);
                    }
                    record(c, "transform/record_run.sql", started, rows);
                    execute(c, "cleanup.sql");
                }
                long commitStart = System.nanoTime();
                c.commit();
                log.debug("commit took {} ms", (System.nanoTime() - commitStart) / 1_000_000);
                TransformRun run = lastRun(c);
                log.debug("Transforms rebuilt {} day(s), wrote {} rows", run.daysRebuilt(), run.rowsWritten());
                return run;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                recordFailure(c, started, e);
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    /** The answer of a file's one-row, one-column question. */
    private static boolean ask(Connection c, String file) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SqlFiles.load(file));
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** Records the run: its start, its end (now), then any further values the file takes. */
    private static void record(Connection c, String file, OffsetDateTime started, long... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SqlFiles.load(file))) {
            ps.setObject(1, started);
            ps.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
            for (int i = 0; i < values.length; i++) {
                ps.setLong(3 + i, values[i]);
            }
            ps.executeUpdate();
        }
    }

    private static List<String> files() {
        return SqlFiles.load("transform/index.txt").lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    /**
     * Runs a file's statements. They take no parameters: what a run covers is in DuckDB variables
     * that scope.sql sets, which DuckDB folds into the scans as constants.
     *
     * @return the rows the file's statements inserted into the reporting tables
     */
    private static long execute(Connection c, String file) throws SQLException {
        long rows = 0;
        for (String sql : SqlFiles.statements("transform/" + file)) {
            long start = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (!ps.execute() && sql.startsWith("INSERT INTO reporting.")) {
                    rows += Math.max(0, ps.getUpdateCount());
                }
            }
            if (log.isTraceEnabled()) {
                log.trace("{} took {} ms: {}", file, (System.nanoTime() - start) / 1_000_000,
                        sql.lines().findFirst().orElse(""));
            }
        }
        return rows;
    }

    private static TransformRun lastRun(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SqlFiles.load("transform/last_run.sql"));
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new TransformRun(rs.getLong(1), rs.getInt(2), rs.getObject(3, LocalDate.class),
                    rs.getObject(4, LocalDate.class), rs.getLong(5), rs.getObject(6, OffsetDateTime.class));
        }
    }

    private static void recordFailure(Connection c, OffsetDateTime started, Exception cause) {
        try {
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement(SqlFiles.load("transform/record_failure.sql"))) {
                ps.setObject(1, started);
                ps.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
                ps.setString(3, String.valueOf(cause.getMessage()));
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            // A read-only or broken warehouse: the caller still gets the first error.
            cause.addSuppressed(e);
        }
    }
}
