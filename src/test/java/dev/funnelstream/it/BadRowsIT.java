package dev.funnelstream.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file with every kind of bad row, exact repeats, quoted commas, CRLF and blank lines: every
 * row ends as exactly one event, duplicate or quarantined row, with the right reason and row number.
 */
class BadRowsIT {

    @Test
    void everyRowIsAnEventADuplicateOrQuarantinedWithItsReason(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("mixed.csv");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        // Header in another column order: the reader maps by name.
        line(b, "user_id,event_type,event_time,product_id,category_id,category_code,brand,price,user_session", "\n");
        line(b, "535871217,view,2019-10-01 00:00:01 UTC,1004237,2053013555631882655,electronics.smartphone,apple,1081.98,s1", "\n"); // row 1 event
        line(b, "535871217,view,2019-10-01 00:00:01 UTC,1004237,2053013555631882655,electronics.smartphone,apple,1081.98,s1", "\r\n"); // row 2 repeat, CRLF
        line(b, "535871217,cart,2019-10-01T00:00:02Z,1004237,2053013555631882655,,apple,12.5,s1", "\n"); // row 3 event, ISO time
        line(b, "535871217,cart,2019-10-01T02:00:02+02:00,1004237,2053013555631882655,,apple,12.50,s1", "\n"); // row 4 repeat of 3
        line(b, "", "\n"); // blank: not a row
        line(b, "535871218,purchase,2019-10-01 00:00:03 UTC,1004238,2053013555631882655,\"electronics.audio, headphone\",\"acme, \"\"inc\"\"\",5,s2", "\r\n"); // row 5 event, quoted commas
        line(b, "   ", "\n"); // blank
        line(b, "535871218,view,2019-10-01 00:00:04 UTC,1004238,2053013555631882655,,,7.00", "\n"); // row 6 field_count (8)
        line(b, "535871218,view,2019-13-01 00:00:04 UTC,1004238,2053013555631882655,,,7.00,s2", "\n"); // row 7 bad_event_time
        line(b, "535871218,click,2019-10-01 00:00:04 UTC,1004238,2053013555631882655,,,7.00,s2", "\n"); // row 8 bad_event_type
        line(b, "535871218,view,2019-10-01 00:00:04 UTC,-5,2053013555631882655,,,7.00,s2", "\n"); // row 9 bad_id
        line(b, "535871218,view,2019-10-01 00:00:04 UTC,1004238,2053013555631882655,,,NaN,s2", "\n"); // row 10 bad_price
        b.write("535871218,view,2019-10-01 00:00:04 UTC,1004238,2053013555631882655,,bad\u00c3(".getBytes(StandardCharsets.ISO_8859_1));
        line(b, ",7.00,s2", "\n"); // row 11 bad_encoding (0xC3 0x28)
        line(b, "535871218,view,2019-10-01 00:00:04 UTC,1004238,2053013555631882655,," + "x".repeat(1_100_000) + ",7.00,s2", "\n"); // row 12 line_too_long
        line(b, "535871218,view,2019-10-01 00:00:05 UTC,1004238,2053013555631882655,,,0.00,", "\n"); // row 13 event, null session
        line(b, "535871218,view,2019-10-01 00:00:06 UTC,1004238", ""); // row 14 truncated last row: field_count
        Files.write(file, b.toByteArray());

        Path dataDir = tmp.resolve("data");
        Cli.Result run = Cli.run("run", "--input", file.toString(), "--speed", "max", "--until-drained",
                "--data-dir", dataDir.toString(), "--port", "0", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode s = StatusJson.parse(run.out());
        assertThat(s.get("input_rows").asLong()).isEqualTo(14);
        assertThat(s.get("events").asLong()).isEqualTo(4);
        assertThat(s.get("duplicates").asLong()).isEqualTo(2);
        assertThat(s.get("quarantined").asLong()).isEqualTo(8);
        assertThat(s.get("input_rows").asLong()).isEqualTo(
                s.get("events").asLong() + s.get("duplicates").asLong() + s.get("quarantined").asLong());
        Map<String, Long> reasons = new LinkedHashMap<>();
        s.get("quarantine_reasons").fields().forEachRemaining(e -> reasons.put(e.getKey(), e.getValue().asLong()));
        assertThat(reasons).containsOnly(
                Map.entry("field_count", 2L), Map.entry("bad_event_time", 1L), Map.entry("bad_event_type", 1L),
                Map.entry("bad_id", 1L), Map.entry("bad_price", 1L), Map.entry("bad_encoding", 1L),
                Map.entry("line_too_long", 1L));
        assertThat(s.get("revenue_total").decimalValue()).isEqualByComparingTo("5.00");

        Map<Long, String> rowsByNumber = quarantinedRows(dataDir);
        assertThat(rowsByNumber).containsOnly(
                Map.entry(6L, "field_count"), Map.entry(7L, "bad_event_time"), Map.entry(8L, "bad_event_type"),
                Map.entry(9L, "bad_id"), Map.entry(10L, "bad_price"), Map.entry(11L, "bad_encoding"),
                Map.entry(12L, "line_too_long"), Map.entry(14L, "field_count"));
        assertThat(brandOfPurchase(dataDir)).isEqualTo("acme, \"inc\"");
    }

    private static void line(ByteArrayOutputStream b, String text, String end) throws IOException {
        b.write((text + end).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<Long, String> quarantinedRows(Path dataDir) throws Exception {
        Map<Long, String> out = new LinkedHashMap<>();
        try (Connection c = readOnly(dataDir); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT row_number, reason FROM raw.quarantine ORDER BY row_number")) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getString(2));
            }
        }
        return out;
    }

    private static String brandOfPurchase(Path dataDir) throws Exception {
        try (Connection c = readOnly(dataDir); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT brand FROM raw.events WHERE event_type = 'purchase'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    static Connection readOnly(Path dataDir) throws Exception {
        Properties p = new Properties();
        p.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + dataDir.resolve("warehouse.duckdb"), p);
    }
}
