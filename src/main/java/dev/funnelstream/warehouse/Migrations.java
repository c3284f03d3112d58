package dev.funnelstream.warehouse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;

/**
 * Applies the versioned DDL files listed in a folder's {@code index.txt}, each once, in order: the
 * warehouse file's in {@code migrations/}, the live file's in {@code migrations/live/}.
 */
public final class Migrations {
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    /** The warehouse file's migrations; its {@code pipeline.schema_version} records them. */
    public static void apply(Connection conn) throws SQLException {
        apply(conn, "migrations", "pipeline");
    }

    /**
     * The files listed in {@code folder/index.txt}, recorded in {@code <pipeline>.schema_version}
     * ({@code pipeline}, or {@code live.pipeline} for the attached live file: a DuckDB transaction
     * writes to one file only, so each file keeps its own record).
     */
    public static void apply(Connection conn, String folder, String pipeline) throws SQLException {
        String versions = pipeline + ".schema_version";
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS " + pipeline);
            st.execute("CREATE TABLE IF NOT EXISTS " + versions + " ("
                    + "name VARCHAR PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)");
        }
        Set<String> applied = new HashSet<>();
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM " + versions)) {
            while (rs.next()) {
                applied.add(rs.getString(1));
            }
        }
        for (String line : SqlFiles.load(folder + "/index.txt").split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#") || applied.contains(name)) {
                continue;
            }
            boolean autoCommit = conn.getAutoCommit();
            conn.setAutoCommit(false);
            try (Statement st = conn.createStatement()) {
                for (String sql : SqlFiles.statements(folder + "/" + name)) {
                    st.execute(sql);
                }
                try (PreparedStatement ps = conn.prepareStatement(
                        "INSERT INTO " + versions + " (name, applied_at) VALUES (?, ?)")) {
                    ps.setString(1, name);
                    ps.setObject(2, OffsetDateTime.now());
                    ps.executeUpdate();
                }
                conn.commit();
                log.info("Applied warehouse migration {}", name);
            } catch (SQLException e) {
                conn.rollback();
                throw e;
            } finally {
                conn.setAutoCommit(autoCommit);
            }
        }
    }
}
