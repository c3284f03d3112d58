package dev.funnelstream.report;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/** Inserts processed-layer rows for tests, as the loader would: into the live file's tables, which processed.* show. */
public final class ProcessedRows {
    private static final OffsetDateTime LONG_AGO = OffsetDateTime.parse("2024-01-01T00:00:00Z");
    private final Connection c;
    private final OffsetDateTime updated;

    /** Rows landed long ago. */
    public ProcessedRows(Connection c) {
        this(c, LONG_AGO);
    }

    /** Rows landed at {@code updated}. */
    public ProcessedRows(Connection c, OffsetDateTime updated) {
        this.c = c;
        this.updated = updated;
    }

    /** A processed.funnel_minute row; {@code minute} is an ISO instant, e.g. {@code 2019-10-01T10:00:00Z}. */
    public ProcessedRows minute(String minute, String category, long views, long carts, long removes, long purchases)
            throws SQLException {
        insert("INSERT INTO live.processed.funnel_minute VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?)",
                time(minute), category, views, carts, removes, purchases, updated);
        return this;
    }

    /** A processed.session_funnel row for the hour starting at {@code hour}. */
    public ProcessedRows hour(String hour, long viewed, long carted, long purchased) throws SQLException {
        insert("INSERT INTO live.processed.session_funnel VALUES (?, ?, ?, ?, ?)", time(hour), viewed, carted, purchased,
                updated);
        return this;
    }

    /** A processed.trending_products row; brand, category and previous rank may be null. */
    public ProcessedRows trending(String windowEnd, int rank, long product, long views, long carts, long purchases,
                                  String revenue, String brand, String category, Integer previousRank)
            throws SQLException {
        insert("INSERT INTO live.processed.trending_products VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", time(windowEnd),
                rank, product, views, carts, purchases, new BigDecimal(revenue), brand, category, previousRank,
                updated);
        return this;
    }

    private void insert(String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }

    private static OffsetDateTime time(String iso) {
        return OffsetDateTime.parse(iso);
    }
}
