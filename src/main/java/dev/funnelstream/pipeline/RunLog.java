package dev.funnelstream.pipeline;

import dev.funnelstream.warehouse.SqlFiles;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/** The pipeline's record of its runs, kept in the warehouse's {@code pipeline.runs} table. */
public final class RunLog {
    private final Supplier<Connection> connections;

    /** @param connections opens a connection to the warehouse (closed after each use) */
    public RunLog(Supplier<Connection> connections) {
        this.connections = connections;
    }

    /** Marks attempts left 'running' by a process that died as failed. */
    public void markInterrupted() throws SQLException {
        try (Connection c = connections.get();
             PreparedStatement ps = c.prepareStatement(SqlFiles.load("pipeline/mark_interrupted.sql"))) {
            ps.setObject(1, now());
            ps.executeUpdate();
        }
    }

    public long nextRunId() throws SQLException {
        try (Connection c = connections.get();
             PreparedStatement ps = c.prepareStatement(SqlFiles.load("pipeline/next_run_id.sql"));
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The (segment, task) pairs that have succeeded, as {@code segment/task}. */
    public Set<String> succeeded() throws SQLException {
        Set<String> out = new HashSet<>();
        try (Connection c = connections.get();
             PreparedStatement ps = c.prepareStatement(SqlFiles.load("pipeline/succeeded_tasks.sql"));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(key(rs.getString(1), rs.getString(2)));
            }
        }
        return out;
    }

    static String key(String segment, String task) {
        return segment + "/" + task;
    }

    void start(long runId, String segment, String task, int attempt) throws SQLException {
        try (Connection c = connections.get();
             PreparedStatement ps = c.prepareStatement(SqlFiles.load("pipeline/start_attempt.sql"))) {
            ps.setLong(1, runId);
            ps.setString(2, segment);
            ps.setString(3, task);
            ps.setInt(4, attempt);
            ps.setObject(5, now());
            ps.executeUpdate();
        }
    }

    void finish(long runId, String task, int attempt, Long rows, String status, String error) throws SQLException {
        try (Connection c = connections.get();
             PreparedStatement ps = c.prepareStatement(SqlFiles.load("pipeline/finish_attempt.sql"))) {
            ps.setObject(1, now());
            if (rows == null) {
                ps.setNull(2, Types.BIGINT);
            } else {
                ps.setLong(2, rows);
            }
            ps.setString(3, status);
            ps.setString(4, error);
            ps.setLong(5, runId);
            ps.setString(6, task);
            ps.setInt(7, attempt);
            ps.executeUpdate();
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
