package dev.funnelstream.transform;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Builds raw.events rows for tests: one {@link #add} per event, then {@link #load} them in one go. */
public final class RawEvents {
    private final List<Object[]> rows = new ArrayList<>();
    private long nextId = 1;

    /**
     * Adds an event.
     *
     * @param time     ISO instant, e.g. {@code 2019-10-01T10:00:00Z}
     * @param category category_code or null
     * @param brand    brand or null
     * @param session  user_session or null
     */
    public RawEvents add(String time, String type, long product, String category, String brand, String price,
                         long user, String session) {
        rows.add(new Object[] {nextId++, OffsetDateTime.parse(time.replace("Z", "+00:00")), type, product,
                category, brand, new BigDecimal(price), user, session});
        return this;
    }

    public RawEvents startIdsAt(long id) {
        nextId = id;
        return this;
    }

    /** Inserts the added events as landed at {@code loadedAt}, and forgets them. */
    public void load(Connection c, String loadedAt) throws SQLException {
        String sql = "INSERT INTO raw.events VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?, 0, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            long offset = 0;
            for (Object[] r : rows) {
                ps.setLong(1, (Long) r[0]);
                ps.setObject(2, r[1]);
                ps.setString(3, (String) r[2]);
                ps.setLong(4, (Long) r[3]);
                ps.setString(5, (String) r[4]);
                ps.setString(6, (String) r[5]);
                ps.setBigDecimal(7, (BigDecimal) r[6]);
                ps.setLong(8, (Long) r[7]);
                ps.setString(9, (String) r[8]);
                ps.setLong(10, offset++);
                ps.setObject(11, OffsetDateTime.parse(loadedAt.replace("Z", "+00:00")));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        rows.clear();
    }

    /**
     * Reads REES46 CSV files (plain or gzip) into a new table {@code table} shaped like raw.events,
     * with DuckDB's CSV reader: fast, and without validation, for benchmarks and bulk tests. The
     * rows get the given loaded_at and offsets in file order; the REES46 time's ' UTC' becomes '+00'.
     */
    public static void stageCsv(Connection c, List<Path> files, String table, String loadedAt) throws SQLException {
        String sql = """
                CREATE TABLE %s AS
                WITH rows AS (
                    SELECT CAST(replace(event_time, ' UTC', '+00') AS TIMESTAMPTZ) AS event_time,
                           event_type, product_id, category_id, category_code, brand, price, user_id, user_session
                    FROM read_csv([%s], header = true, auto_detect = false, delim = ',', quote = '"',
                                  columns = {'event_time': 'VARCHAR', 'event_type': 'VARCHAR',
                                             'product_id': 'BIGINT', 'category_id': 'BIGINT',
                                             'category_code': 'VARCHAR', 'brand': 'VARCHAR',
                                             'price': 'DECIMAL(18, 6)', 'user_id': 'BIGINT',
                                             'user_session': 'VARCHAR'})
                )
                SELECT hash(event_time, event_type, product_id, category_id, category_code, brand, price, user_id,
                            user_session) & 9223372036854775807 AS event_id,
                       event_time, event_type, product_id, category_id, category_code, brand, price, user_id,
                       user_session, 0 AS kafka_partition, row_number() OVER () AS kafka_offset,
                       CAST(? AS TIMESTAMPTZ) AS loaded_at
                FROM rows
                """.formatted(table, files.stream().map(f -> "'" + f.toString().replace("'", "''") + "'")
                .collect(Collectors.joining(", ")));
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, OffsetDateTime.parse(loadedAt.replace("Z", "+00:00")));
            ps.executeUpdate();
        }
    }

    /**
     * The shop every reporting test uses (answers worked out by hand in the tests), two UTC days:
     * <ul>
     *   <li>s1 (user 1) views, carts, buys product 1001 (smartphone, apple, 100) on Oct 1;</li>
     *   <li>s2 (user 2) views and buys 1002 (no category, no brand, 20) without carting;</li>
     *   <li>s3 (user 3) views, buys, then carts 1003 (headphone, sony, 50): a cart after a purchase;</li>
     *   <li>s4 (user 4) views 1004 (smartphone, samsung, 30) at 23:50 Oct 1, carts and buys it Oct 2;</li>
     *   <li>s5 (user 5) views and carts 1005 (kitchen, no brand, 40) and leaves;</li>
     *   <li>s6 (user 1) carts 1001 without viewing, and leaves;</li>
     *   <li>user 6 buys 1002 without a session;</li>
     *   <li>s7 (user 7) views, carts, buys 1006 (shoes, nike, 50): ties the headphone's revenue.</li>
     * </ul>
     */
    public static RawEvents shop() {
        return new RawEvents()
                .add("2019-10-01T10:00:00Z", "view", 1001, "electronics.smartphone", "apple", "100.00", 1, "s1")
                .add("2019-10-01T10:05:00Z", "cart", 1001, "electronics.smartphone", "apple", "100.00", 1, "s1")
                .add("2019-10-01T10:10:00Z", "purchase", 1001, "electronics.smartphone", "apple", "100.00", 1, "s1")
                .add("2019-10-01T11:00:00Z", "view", 1002, null, null, "20.00", 2, "s2")
                .add("2019-10-01T11:01:00Z", "purchase", 1002, null, null, "20.00", 2, "s2")
                .add("2019-10-01T12:00:00Z", "view", 1003, "electronics.audio.headphone", "sony", "50.00", 3, "s3")
                .add("2019-10-01T12:01:00Z", "purchase", 1003, "electronics.audio.headphone", "sony", "50.00", 3, "s3")
                .add("2019-10-01T12:02:00Z", "cart", 1003, "electronics.audio.headphone", "sony", "50.00", 3, "s3")
                .add("2019-10-01T23:50:00Z", "view", 1004, "electronics.smartphone", "samsung", "30.00", 4, "s4")
                .add("2019-10-02T00:10:00Z", "cart", 1004, "electronics.smartphone", "samsung", "30.00", 4, "s4")
                .add("2019-10-02T00:20:00Z", "purchase", 1004, "electronics.smartphone", "samsung", "30.00", 4, "s4")
                .add("2019-10-02T09:00:00Z", "view", 1005, "appliances.kitchen", null, "40.00", 5, "s5")
                .add("2019-10-02T09:05:00Z", "cart", 1005, "appliances.kitchen", null, "40.00", 5, "s5")
                .add("2019-10-02T10:00:00Z", "cart", 1001, "electronics.smartphone", "apple", "100.00", 1, "s6")
                .add("2019-10-02T11:00:00Z", "purchase", 1002, null, null, "20.00", 6, null)
                .add("2019-10-02T12:00:00Z", "view", 1006, "apparel.shoes", "nike", "50.00", 7, "s7")
                .add("2019-10-02T12:01:00Z", "cart", 1006, "apparel.shoes", "nike", "50.00", 7, "s7")
                .add("2019-10-02T12:02:00Z", "purchase", 1006, "apparel.shoes", "nike", "50.00", 7, "s7");
    }
}
