package dev.funnelstream.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.funnelstream.report.ReportName;
import dev.funnelstream.report.ReportQuery;
import dev.funnelstream.report.ReportService;
import dev.funnelstream.report.ReportTable;
import dev.funnelstream.warehouse.SqlFiles;
import dev.funnelstream.warehouse.Warehouse;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard shows beyond the reports: the header strip, the categories to filter by and
 * the trending products' sparklines. Knows nothing of HTTP.
 */
public final class DashboardService {
    /** The header is read at most this often, however many pages and streams ask for it. */
    private static final long HEADER_MAX_AGE_NANOS = 500_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Warehouse warehouse;
    private final ReportService reports;
    private final LiveFeed feed;
    private final RateMeter landingRate;
    private Header header;
    private long headerReadAt;

    public DashboardService(Warehouse warehouse, ReportService reports, LiveFeed feed) {
        this.warehouse = warehouse;
        this.reports = reports;
        this.feed = feed;
        this.landingRate = new RateMeter(feed::recordsLanded);
    }

    /** Samples the landing rate; the live stream calls it every second. */
    void tick() {
        landingRate.sample(System.nanoTime());
    }

    public LiveFeed feed() {
        return feed;
    }

    /** The header strip as of at most half a second ago. */
    public synchronized Header header() throws SQLException {
        long now = System.nanoTime();
        if (header == null || now - headerReadAt >= HEADER_MAX_AGE_NANOS) {
            header = readHeader();
            headerReadAt = now;
        }
        return header;
    }

    private Header readHeader() throws SQLException {
        try (Connection c = warehouse.connect();
             PreparedStatement ps = c.prepareStatement(SqlFiles.load("dashboard/header.sql"));
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            OffsetDateTime clock = rs.getObject("clock", OffsetDateTime.class);
            boolean streaming = feed.streaming();
            boolean batchBehind = rs.getBoolean("batch_behind");
            Instant clockAt = clock == null ? null : clock.toInstant();
            LocalDate today = clock == null ? null : clock.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
            return new Header(clockAt, today, landingRate.perSecond(), rs.getBigDecimal("revenue_today"),
                    (Double) rs.getObject("session_conversion"), (Double) rs.getObject("quarantined_share"),
                    rs.getLong("quarantined_rows"), feed.freshnessSeconds(),
                    today != null && (streaming || batchBehind) ? today : null, streaming);
        }
    }

    /** The top-level categories seen, for the funnel's filter. */
    public List<String> categories() throws SQLException {
        List<String> out = new ArrayList<>(); // categories.sql's UNION already drops repeats and sorts
        try (Connection c = warehouse.connect();
             PreparedStatement ps = c.prepareStatement(SqlFiles.load("dashboard/categories.sql"));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return List.copyOf(out);
    }

    /** The conversion funnel over the last hour of event time, for a top-level category (null: all). */
    public ReportTable lastHourFunnel(String category) throws SQLException {
        Header h = header();
        Instant to = h.clock() == null ? Instant.EPOCH : h.clock();
        return reports.report(ReportName.CONVERSION_FUNNEL, ReportQuery.between(
                new ReportQuery.Bound(null, to.minus(Duration.ofHours(1))), new ReportQuery.Bound(null, to),
                null, category, null));
    }

    /**
     * Views per 5-minute slide over the hour of the trending slide at or before {@code to} (null:
     * the latest), per product of that slide's top 10; null where a product was not ranked.
     */
    public String sparklinesJson(OffsetDateTime to) throws SQLException {
        Map<String, Map<String, Long>> views = new LinkedHashMap<>();
        String windowEnd = null;
        try (Connection c = warehouse.connect();
             PreparedStatement ps = c.prepareStatement(SqlFiles.load("dashboard/trending_sparklines.sql"))) {
            ps.setObject(1, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    windowEnd = rs.getString("window_end");
                    views.computeIfAbsent(Long.toString(rs.getLong("product_id")), k -> new LinkedHashMap<>())
                            .put(rs.getString("slide"), rs.getLong("views"));
                }
            }
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("window_end", windowEnd);
        ArrayNode slides = root.putArray("slides");
        List<String> slideNames = windowEnd == null ? List.of() : hourOfSlides(windowEnd);
        slideNames.forEach(slides::add);
        ObjectNode series = root.putObject("series");
        views.forEach((product, bySlide) -> {
            ArrayNode values = series.putArray(product);
            for (String slide : slideNames) {
                Long v = bySlide.get(slide);
                if (v == null) {
                    values.addNull();
                } else {
                    values.add(v);
                }
            }
        });
        return root.toString();
    }

    /** The twelve 5-minute slides ending in the hour up to and including {@code windowEnd}, oldest first. */
    private static List<String> hourOfSlides(String windowEnd) {
        LocalDateTime end = LocalDateTime.parse(windowEnd, MINUTE);
        List<String> out = new ArrayList<>();
        for (int i = 11; i >= 0; i--) {
            out.add(end.minusMinutes(5L * i).format(MINUTE));
        }
        return out;
    }

    /** The header strip's values; null where there is nothing to show yet. */
    public record Header(Instant clock, LocalDate today, double eventsPerSecond, BigDecimal revenueToday,
                         Double sessionConversion, Double quarantinedShare, long quarantinedRows,
                         Double freshnessSeconds,
                         LocalDate provisionalDay, boolean streaming) {
        /** As the API sends it (see docs/dashboard-api.md). */
        public String toJson() {
            ObjectNode o = JSON.createObjectNode();
            o.put("clock", clock == null ? null : clock.toString());
            o.put("today", today == null ? null : today.toString());
            o.put("events_per_second", Math.round(eventsPerSecond * 10) / 10.0);
            o.put("revenue_today", revenueToday == null ? null : revenueToday.setScale(2, RoundingMode.HALF_UP));
            o.put("session_conversion", sessionConversion);
            o.put("quarantined_share", quarantinedShare);
            o.put("quarantined_rows", quarantinedRows);
            o.put("freshness_seconds", freshnessSeconds);
            o.put("provisional_day", provisionalDay == null ? null : provisionalDay.toString());
            ObjectNode lastHour = o.putObject("last_hour");
            lastHour.put("from", clock == null ? null : clock.minus(Duration.ofHours(1)).toString());
            lastHour.put("to", clock == null ? null : clock.toString());
            o.put("streaming", streaming);
            return o.toString();
        }
    }
}
