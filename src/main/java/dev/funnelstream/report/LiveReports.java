package dev.funnelstream.report;

import dev.funnelstream.report.ReportTable.Column;
import dev.funnelstream.report.ReportTable.Kind;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The live reports, from the processed layer the streaming job keeps up to date: events per
 * minute, the hourly session funnel and the trending products. Their times are UTC.
 */
final class LiveReports {
    private static final List<Column> EVENTS_PER_MINUTE = List.of(new Column("minute", Kind.TEXT),
            new Column("event_type", Kind.TEXT), new Column("events", Kind.COUNT));
    private static final List<Column> TRENDING_PRODUCTS = List.of(new Column("window_end", Kind.TEXT),
            new Column("rank", Kind.COUNT), new Column("product_id", Kind.COUNT), new Column("views", Kind.COUNT),
            new Column("carts", Kind.COUNT), new Column("purchases", Kind.COUNT), new Column("revenue", Kind.MONEY),
            new Column("brand", Kind.TEXT), new Column("category_code", Kind.TEXT),
            new Column("rank_change", Kind.RANK_CHANGE));

    private LiveReports() {
    }

    /** @throws IllegalArgumentException for a query the report cannot take */
    static ReportTable report(Connection c, ReportName name, ReportQuery q) throws SQLException {
        if (q.category() != null || q.brand() != null) {
            // The processed layer keeps no brands, and these reports no category breakdown.
            throw new IllegalArgumentException(name.slug() + " takes no category or brand");
        }
        return switch (name) {
            case EVENTS_PER_MINUTE -> ready(c, "funnel_minute")
                    ? ReportSql.table(c, name, "events_per_minute.sql", EVENTS_PER_MINUTE,
                            q.startAt(), q.endBefore(), q.endAt(), q.limit())
                    : empty(name, EVENTS_PER_MINUTE);
            case LIVE_FUNNEL -> FunnelSteps.live(ready(c, "session_funnel")
                    ? ReportSql.counts(c, "live_funnel.sql", 3, q.startAt(), q.endBefore(), q.endAt())
                    : new long[3]);
            case TRENDING_PRODUCTS -> ready(c, "trending_products")
                    ? ReportSql.table(c, name, "trending_products.sql", TRENDING_PRODUCTS, slideAtOrBefore(q))
                    : empty(name, TRENDING_PRODUCTS);
            default -> throw new IllegalArgumentException(name.slug() + " is not a live report");
        };
    }

    /**
     * The latest time a trending slide may end: the given time, or for a day the midnight after it
     * (the window ending then holds that day's last hour, nothing of the next day).
     */
    private static OffsetDateTime slideAtOrBefore(ReportQuery q) {
        if (q.from() != null || q.fromTime() != null) {
            throw new IllegalArgumentException(ReportName.TRENDING_PRODUCTS.slug()
                    + " shows one slide: give the time to look from (--at), not a period");
        }
        return q.upTo();
    }

    /** Whether the processed table exists: a file made before the processed layer simply has no rows yet. */
    private static boolean ready(Connection c, String table) throws SQLException {
        return ReportSql.counts(c, "processed_ready.sql", 1, table)[0] > 0;
    }

    private static ReportTable empty(ReportName name, List<Column> columns) {
        return new ReportTable(name.slug(), columns, List.of());
    }
}
