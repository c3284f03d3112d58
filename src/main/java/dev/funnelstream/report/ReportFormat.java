package dev.funnelstream.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.funnelstream.report.ReportTable.Column;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a {@link ReportTable} as an aligned table, CSV or JSON (money always with 2 decimals, no
 * grouping), and carries it over HTTP as JSON with its column kinds.
 */
public final class ReportFormat {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private ReportFormat() {
    }

    /** CSV with a header line; fields quoted only when they hold a comma, quote or line break. */
    public static void csv(ReportTable t, PrintWriter out) {
        out.println(String.join(",", t.columns().stream().map(Column::name).toList()));
        for (List<Object> row : t.rows()) {
            List<String> fields = new ArrayList<>(row.size());
            for (Object v : row) {
                fields.add(csvField(plain(v)));
            }
            out.println(String.join(",", fields));
        }
        out.flush();
    }

    /** An aligned table for people: numbers to the right, '-' for no value ('new' for a rank change). */
    public static void table(ReportTable t, PrintWriter out) {
        int n = t.columns().size();
        int[] width = new int[n];
        for (int i = 0; i < n; i++) {
            width[i] = t.columns().get(i).name().length();
            for (List<Object> row : t.rows()) {
                width[i] = Math.max(width[i], cell(row.get(i), t.columns().get(i).kind()).length());
            }
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < n; i++) {
            line.append(pad(t.columns().get(i).name(), width[i], t.columns().get(i).kind().numeric())).append("  ");
        }
        out.println(line.toString().stripTrailing());
        for (List<Object> row : t.rows()) {
            line.setLength(0);
            for (int i = 0; i < n; i++) {
                ReportTable.Kind kind = t.columns().get(i).kind();
                line.append(pad(cell(row.get(i), kind), width[i], kind.numeric())).append("  ");
            }
            out.println(line.toString().stripTrailing());
        }
        if (t.rows().isEmpty()) {
            out.println("(no rows)");
        }
        out.flush();
    }

    /** A JSON array with one object per row, keyed by column name. */
    public static String json(ReportTable t) {
        ArrayNode rows = JSON.createArrayNode();
        for (List<Object> row : t.rows()) {
            ObjectNode o = rows.addObject();
            for (int i = 0; i < t.columns().size(); i++) {
                put(o, t.columns().get(i).name(), row.get(i));
            }
        }
        return write(rows);
    }

    /** The table with its column kinds, as the control server sends it. */
    public static String toWire(ReportTable t) {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", t.name());
        ArrayNode columns = root.putArray("columns");
        t.columns().forEach(c -> columns.addObject().put("name", c.name()).put("kind", c.kind().name()));
        ArrayNode rows = root.putArray("rows");
        for (List<Object> row : t.rows()) {
            ArrayNode r = rows.addArray();
            row.forEach(v -> addValue(r, v));
        }
        return write(root);
    }

    /** Reads what {@link #toWire} wrote. */
    public static ReportTable fromWire(String json) throws JsonProcessingException {
        JsonNode root = JSON.readTree(json);
        List<Column> columns = new ArrayList<>();
        root.get("columns").forEach(c -> columns.add(
                new Column(c.get("name").asText(), ReportTable.Kind.valueOf(c.get("kind").asText()))));
        List<List<Object>> rows = new ArrayList<>();
        for (JsonNode r : root.get("rows")) {
            List<Object> row = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                JsonNode v = r.get(i);
                Object value = v == null || v.isNull() ? null : v.isNumber() ? v.numberValue() : v.asText();
                row.add(columns.get(i).kind().normalize(value));
            }
            rows.add(row);
        }
        return new ReportTable(root.get("name").asText(), columns, rows);
    }

    private static void put(ObjectNode o, String key, Object v) {
        if (v == null) {
            o.putNull(key);
        } else if (v instanceof Long l) {
            o.put(key, l);
        } else if (v instanceof BigDecimal d) {
            o.put(key, d);
        } else {
            o.put(key, v.toString());
        }
    }

    private static void addValue(ArrayNode a, Object v) {
        if (v == null) {
            a.addNull();
        } else if (v instanceof Long l) {
            a.add(l);
        } else if (v instanceof BigDecimal d) {
            a.add(d);
        } else {
            a.add(v.toString());
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String plain(Object v) {
        return v == null ? "" : v instanceof BigDecimal d ? d.toPlainString() : v.toString();
    }

    /** A table cell on one line: a line break or tab in a value (a category, say) is shown escaped. */
    private static String cell(Object v, ReportTable.Kind kind) {
        if (v == null) {
            return kind.noValue();
        }
        String s = plain(v);
        return s.indexOf('\n') < 0 && s.indexOf('\r') < 0 && s.indexOf('\t') < 0 ? s
                : s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }

    private static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }
}
