package dev.funnelstream.transform;

import dev.funnelstream.warehouse.DuckDbWarehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A migrated DuckDB file in a temp dir, and ways to look at its reporting tables. */
public final class TestWarehouse {
    public static final List<String> REPORTING_TABLES = List.of("daily_revenue", "category_revenue_daily",
            "brand_revenue_daily", "session_funnel_daily", "session_funnel_category_daily",
            "session_funnel_brand_daily", "product_funnel", "abandoned_carts", "daily_active", "monthly_summary");

    private TestWarehouse() {
    }

    public static DuckDbWarehouse open(Path dir) throws SQLException {
        return DuckDbWarehouse.open(dir.resolve("warehouse.duckdb"));
    }

    /** Every row of a query, each as its values joined by '|', in the query's order. */
    public static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    /** The content of every reporting table, sorted, by table name. */
    public static Map<String, List<String>> snapshot(Connection c) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String t : REPORTING_TABLES) {
            out.put(t, rows(c, "SELECT * FROM reporting." + t + " ORDER BY ALL"));
        }
        return out;
    }
}
