package dev.funnelstream.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Flink job's SQL, kept as resource files under {@code /process/}, with {@code ${key}}
 * placeholders. Plain values are quoted as SQL string contents; option lists come pre-rendered by
 * {@link #options}, which quotes each key and value itself.
 */
final class JobSql {
    private JobSql() {
    }

    /** The statements of {@code /process/<name>} with placeholders filled; comment lines dropped. */
    static List<String> statements(String name, Map<String, String> values, Map<String, String> optionLists) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : read(name).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                out.add(fill(name, current.toString().strip().replaceAll(";$", ""), values, optionLists));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(fill(name, current.toString().strip(), values, optionLists));
        }
        return out;
    }

    /** {@code 'key' = 'value',} lines for a WITH clause, each followed by a comma. */
    static String options(Map<String, String> options) {
        StringBuilder b = new StringBuilder();
        options.forEach((k, v) -> b.append(quote(k)).append(" = ").append(quote(v)).append(",\n    "));
        return b.toString();
    }

    private static String fill(String name, String sql, Map<String, String> values, Map<String, String> optionLists) {
        for (Map.Entry<String, String> v : values.entrySet()) {
            sql = sql.replace("${" + v.getKey() + "}", v.getValue().replace("'", "''"));
        }
        for (Map.Entry<String, String> v : optionLists.entrySet()) {
            sql = sql.replace("${" + v.getKey() + "}", v.getValue());
        }
        if (sql.contains("${")) {
            throw new IllegalStateException("unfilled placeholder in " + name + ": " + sql);
        }
        // An option list ends with a comma; the last one before ')' must go.
        return sql.replaceAll(",\\s*\\)", "\n)");
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String read(String name) {
        String path = "/process/" + name;
        try (InputStream in = JobSql.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing SQL resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
