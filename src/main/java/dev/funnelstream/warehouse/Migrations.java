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

/** Applies the versioned DDL files listed in {@code migrations/index.txt}, each once, in order. */
public final class Migrations {
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    public static void apply(Connection conn) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS pipeline");
            st.execute("CREATE TABLE IF NOT EXISTS pipeline.schema_version ("
                    + "name VARCHAR PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)");
        }
        Set<String> applied = new HashSet<>();
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM pipeline.schema_version")) {
            while (rs.next()) {
                applied.add(rs.getString(1));
            }
        }
        for (String line : SqlFiles.load("migrations/index.txt").split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#") || applied.contains(name)) {
                continue;
            }
            boolean autoCommit = conn.getAutoCommit();
            conn.setAutoCommit(false);
            try (Statement st = conn.createStatement()) {
                for (String sql : SqlFiles.statements("migrations/" + name)) {
                    st.execute(sql);
                }
                try (PreparedStatement ps = conn.prepareStatement(
                        "INSERT INTO pipeline.schema_version (name, applied_at) VALUES (?, ?)")) {
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
