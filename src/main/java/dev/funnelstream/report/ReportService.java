package dev.funnelstream.report;

import dev.funnelstream.report.ReportTable.Column;
import dev.funnelstream.report.ReportTable.Kind;
import dev.funnelstream.transform.Transforms;
import dev.funnelstream.warehouse.SqlFiles;
import dev.funnelstream.warehouse.Warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers the reports from the reporting layer, first running the transforms when raw.events has
 * news (if the warehouse may be written), or from raw.events for funnels over a period.
 */
public final class ReportService {
    private final Warehouse warehouse;
    private final boolean writable;

    /** @param writable whether the service may run the transforms to bring the reporting layer up to date */
    public ReportService(Warehouse warehouse, boolean writable) {
        this.warehouse = warehouse;
        this.writable = writable;
    }

    /**
     * @throws StaleReportingException when the reporting layer is out of date and not writable
     * @throws IllegalArgumentException for a query the report cannot take
     */
    public ReportTable report(ReportName name, ReportQuery q) throws SQLException {
        try (Connection c = warehouse.connect()) {
            if (name != ReportName.RUNS && !(name == ReportName.FUNNEL && q.needsRawEvents())) {
                ensureFresh(c);
            }
            return switch (name) {
                case REVENUE_BY_CATEGORY -> query(c, name, "revenue_by_category.sql",
                        List.of(text("category"), money("revenue")), q.fromText(), q.toText(), q.limit());
                case TOP_BRANDS -> query(c, name, "top_brands.sql",
                        List.of(text("brand"), money("revenue")), q.fromText(), q.toText(), q.limit());
                case DAILY_REVENUE -> query(c, name, "daily_revenue.sql",
                        List.of(new Column("day", Kind.DAY), money("revenue")), q.fromText(), q.toText());
                case FUNNEL -> FunnelSteps.table(funnelCounts(c, q));
                case PRODUCTS -> query(c, name, "products.sql", List.of(count("product_id"), text("category"),
                        text("brand"), count("views"), count("carts"), count("purchases"), rate("view_to_cart"),
                        rate("cart_to_purchase"), money("revenue"), money("abandoned_value")), q.limit());
                case ABANDONED_CARTS -> query(c, name, "abandoned_carts.sql", List.of(text("session"),
                        count("user_id"), new Column("day", Kind.DAY), count("carts"), money("value")),
                        q.fromText(), q.toText(), q.limit());
                case MONTHLY -> query(c, name, "monthly.sql", List.of(new Column("month", Kind.MONTH),
                        count("events"), count("users"), count("sessions"), money("revenue"), rate("conversion")),
                        q.fromText(), q.toText());
                case RUNS -> query(c, name, "runs.sql", List.of(count("run_id"), text("segment"), text("task"),
                        count("attempt"), text("started_at"), text("ended_at"), count("rows"), text("status"),
                        text("error")));
            };
        }
    }

    /** Whether the reporting layer is missing or behind raw.events. */
    public boolean stale() throws SQLException {
        try (Connection c = warehouse.connect()) {
            return stale(c);
        }
    }

    private void ensureFresh(Connection c) throws SQLException {
        if (!stale(c)) {
            return;
        }
        if (!writable) {
            throw new StaleReportingException("the reporting layer is behind the landed events");
        }
        Transforms.run(c);
    }

    private static boolean stale(Connection c) throws SQLException {
        if (single(c, "reporting_ready.sql") == 0) {
            return true;
        }
        try (PreparedStatement ps = c.prepareStatement(SqlFiles.load("report/stale.sql"));
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static long[] funnelCounts(Connection c, ReportQuery q) throws SQLException {
        String file;
        List<Object> params = new ArrayList<>();
        if (q.needsRawEvents()) {
            file = "funnel_raw.sql";
            params.add(q.startAt());
            params.add(q.endBefore());
            params.add(q.category());
            params.add(q.brand());
        } else if (q.category() != null) {
            file = "funnel_category.sql";
            params.add(q.category());
        } else if (q.brand() != null) {
            file = "funnel_brand.sql";
            params.add(q.brand());
        } else {
            file = "funnel.sql";
        }
        try (PreparedStatement ps = prepare(c, file, params.toArray())) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
            }
        }
    }

    private static ReportTable query(Connection c, ReportName name, String file, List<Column> columns,
                                     Object... params) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, file, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>(columns.size());
                for (int i = 0; i < columns.size(); i++) {
                    row.add(columns.get(i).kind().normalize(rs.getObject(i + 1)));
                }
                rows.add(row);
            }
        }
        return new ReportTable(name.slug(), columns, rows);
    }

    /** User values only ever reach the SQL as JDBC parameters. */
    private static PreparedStatement prepare(Connection c, String file, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(SqlFiles.load("report/" + file));
        try {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }

    private static long single(Connection c, String file) throws SQLException {
        try (PreparedStatement ps = prepare(c, file); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Column text(String name) {
        return new Column(name, Kind.TEXT);
    }

    private static Column count(String name) {
        return new Column(name, Kind.COUNT);
    }

    private static Column money(String name) {
        return new Column(name, Kind.MONEY);
    }

    private static Column rate(String name) {
        return new Column(name, Kind.RATE);
    }
}
