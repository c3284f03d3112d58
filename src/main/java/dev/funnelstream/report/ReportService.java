package dev.funnelstream.report;

import dev.funnelstream.report.ReportTable.Column;
import dev.funnelstream.report.ReportTable.Kind;
import dev.funnelstream.transform.Transforms;
import dev.funnelstream.warehouse.Warehouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Answers the reports from the reporting layer, first running the transforms when raw.events has
 * news (if the warehouse may be written), or from raw.events for funnels over a period, and the
 * live reports from the processed layer as it stands.
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
        return report(name, q, true);
    }

    /**
     * The report as the reporting layer stands after the last transform run (the run's schedule
     * keeps it current), building it only when it was never built: for the dashboard, which asks
     * many times a second and must not set off a transform run each time.
     */
    public ReportTable reportAsBuilt(ReportName name, ReportQuery q) throws SQLException {
        return report(name, q, false);
    }

    private ReportTable report(ReportName name, ReportQuery q, boolean upToDate) throws SQLException {
        if (name == ReportName.CONVERSION_FUNNEL) {
            // raw.events is landed as the stream runs: nothing to bring up to date.
            try (Connection c = warehouse.connect()) {
                return FunnelSteps.conversion(ReportSql.counts(c, "funnel_raw.sql", 3, q.startAt(),
                        q.endBefore(), q.endAt(), null, q.category(), null));
            }
        }
        if (name.live()) {
            // The processed layer is upserted as the stream runs: nothing to bring up to date.
            try (Connection c = warehouse.connect()) {
                return LiveReports.report(c, name, q);
            }
        }
        if (q.hasTimes()) {
            throw new IllegalArgumentException(name.slug() + " takes whole days (YYYY-MM-DD), not times");
        }
        try (Connection c = warehouse.connect()) {
            if (name != ReportName.RUNS && !(name == ReportName.FUNNEL && q.needsRawEvents())) {
                ensureBuilt(c, upToDate);
            }
            return switch (name) {
                case REVENUE_BY_CATEGORY -> ReportSql.table(c, name, "revenue_by_category.sql",
                        List.of(text("category"), money("revenue")), q.fromText(), q.toText(), q.limit());
                case REVENUE_BY_TOP_CATEGORY -> ReportSql.table(c, name, "revenue_by_top_category.sql",
                        List.of(text("category"), money("revenue")), q.fromText(), q.toText(), q.limit());
                case TOP_BRANDS -> ReportSql.table(c, name, "top_brands.sql",
                        List.of(text("brand"), money("revenue")), q.fromText(), q.toText(), q.limit());
                case DAILY_REVENUE -> ReportSql.table(c, name, "daily_revenue.sql",
                        List.of(new Column("day", Kind.DAY), money("revenue")), q.fromText(), q.toText());
                case FUNNEL -> FunnelSteps.table(funnelCounts(c, q));
                case PRODUCTS -> ReportSql.table(c, name, "products.sql", List.of(count("product_id"),
                        text("category"), text("brand"), count("views"), count("carts"), count("purchases"),
                        rate("view_to_cart"), rate("cart_to_purchase"), money("revenue"), money("abandoned_value")),
                        q.limit());
                case ABANDONED_CARTS -> ReportSql.table(c, name, "abandoned_carts.sql", List.of(text("session"),
                        count("user_id"), new Column("day", Kind.DAY), count("carts"), money("value")),
                        q.fromText(), q.toText(), q.limit());
                case MONTHLY -> ReportSql.table(c, name, "monthly.sql", List.of(new Column("month", Kind.MONTH),
                        count("events"), count("users"), count("sessions"), money("revenue"), rate("conversion")),
                        q.fromText(), q.toText());
                case RUNS -> ReportSql.table(c, name, "runs.sql", List.of(count("run_id"), text("segment"),
                        text("task"), count("attempt"), text("started_at"), text("ended_at"), count("rows"),
                        text("status"), text("error")));
                case EVENTS_PER_MINUTE, LIVE_FUNNEL, TRENDING_PRODUCTS, CONVERSION_FUNNEL ->
                        throw new IllegalStateException(name + " is live: answered without the freshness check above");
            };
        }
    }

    /** Whether the reporting layer is missing or behind raw.events. */
    public boolean stale() throws SQLException {
        try (Connection c = warehouse.connect()) {
            return stale(c);
        }
    }

    private void ensureBuilt(Connection c, boolean upToDate) throws SQLException {
        // Once built, the dashboard's view skips the staleness check too: it scans raw.events.
        if ((!upToDate && ReportSql.counts(c, "reporting_built.sql", 1)[0] > 0) || !stale(c)) {
            return;
        }
        if (!writable) {
            throw new StaleReportingException("the reporting layer is behind the landed events");
        }
        Transforms.run(c);
    }

    private static boolean stale(Connection c) throws SQLException {
        if (ReportSql.counts(c, "reporting_ready.sql", 1)[0] == 0) {
            return true;
        }
        try (PreparedStatement ps = ReportSql.prepare(c, "stale.sql"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static long[] funnelCounts(Connection c, ReportQuery q) throws SQLException {
        if (q.needsRawEvents()) {
            return ReportSql.counts(c, "funnel_raw.sql", 3, q.startAt(), q.endBefore(), null, q.category(), null,
                    q.brand());
        }
        if (q.category() != null) {
            return ReportSql.counts(c, "funnel_category.sql", 3, q.category());
        }
        if (q.brand() != null) {
            return ReportSql.counts(c, "funnel_brand.sql", 3, q.brand());
        }
        return ReportSql.counts(c, "funnel.sql", 3);
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
