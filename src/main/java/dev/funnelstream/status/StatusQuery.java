package dev.funnelstream.status;

import dev.funnelstream.warehouse.SqlFiles;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the {@link Status} from the warehouse. */
public final class StatusQuery {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    private StatusQuery() {
    }

    /**
     * @param liveLag the running loader's lag, or null to use the last one it recorded
     */
    public static Status read(Connection c, Long liveLag, boolean live) throws SQLException {
        // One transaction, so every figure comes from one snapshot: read one query at a time while
        // the loader commits, the events by type could add up to more than the events.
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            return readSnapshot(c, liveLag, live);
        } finally {
            c.rollback(); // read-only: nothing to keep
            c.setAutoCommit(autoCommit);
        }
    }

    private static Status readSnapshot(Connection c, Long liveLag, boolean live) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SqlFiles.load("status/summary.sql"));
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            long input = rs.getLong("input_rows");
            long events = rs.getLong("events");
            long duplicates = rs.getLong("duplicates");
            long quarantined = rs.getLong("quarantined");
            BigDecimal revenue = rs.getBigDecimal("revenue_total").setScale(2, RoundingMode.HALF_UP);
            String first = time(rs.getObject("first_event_time", OffsetDateTime.class));
            String last = time(rs.getObject("last_event_time", OffsetDateTime.class));
            Long lag = liveLag != null ? liveLag : (Long) rs.getObject("kafka_lag", Long.class);
            String lagAt = live && liveLag != null ? time(OffsetDateTime.now(ZoneOffset.UTC))
                    : time(rs.getObject("lag_measured_at", OffsetDateTime.class));
            long inFlight = Math.max(0, input - events - duplicates - quarantined);
            return new Status(input, events, duplicates, quarantined, inFlight,
                    counts(c, "status/quarantine_reasons.sql"), counts(c, "status/events_by_type.sql"),
                    revenue, first, last, lag, lagAt, live, sources(c));
        }
    }

    private static Map<String, Long> counts(Connection c, String sqlFile) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(SqlFiles.load(sqlFile));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    /** Every replayed input, as landed from the replay's progress records. */
    public static List<Status.Source> sources(Connection c) throws SQLException {
        List<Status.Source> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SqlFiles.load("status/sources.sql"));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Status.Source(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getBoolean(4),
                        rs.getString(5)));
            }
        }
        return out;
    }

    private static String time(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC).format(TIME);
    }
}
