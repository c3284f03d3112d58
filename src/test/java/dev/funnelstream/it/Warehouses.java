package dev.funnelstream.it;

import dev.funnelstream.warehouse.DuckDbWarehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads a stopped run's warehouse files directly, as rows of text. */
public final class Warehouses {
    private Warehouses() {
    }

    /** The rows of a query (a test resource path or SQL text), each as comma-joined column text. */
    public static List<String> rows(Path dataDir, String sqlOrResource) throws SQLException {
        String sql = sqlOrResource.endsWith(".sql") ? resource(sqlOrResource) : sqlOrResource;
        // Through the warehouse class, which attaches the live file that the processed.* views read.
        try (DuckDbWarehouse wh = DuckDbWarehouse.openReadOnly(dataDir.resolve("warehouse.duckdb"));
             Connection c = wh.connect();
             Statement st = c.createStatement()) {
            st.execute("SET TimeZone = 'UTC'");
            List<String> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(sql)) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder b = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        b.append(i > 1 ? "," : "").append(rs.getString(i));
                    }
                    out.add(b.toString());
                }
            }
            return out;
        }
    }

    private static String resource(String name) {
        try (InputStream in = Warehouses.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
