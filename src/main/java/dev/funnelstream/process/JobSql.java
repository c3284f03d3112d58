package dev.funnelstream.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Flink job's SQL, kept as resource files under {@code /process/}, with {@code ${key}}
 * placeholders. Plain values are quoted as SQL string contents; option lists come pre-rendered by
 * {@link #options}, which quotes each key and value itself.
 */
final class JobSql {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)}");
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
        // Checked on the template, before values (which may hold '${' or secrets) go in.
        Matcher unfilled = PLACEHOLDER.matcher(sql);
        while (unfilled.find()) {
            String key = unfilled.group(1);
            if (!values.containsKey(key) && !optionLists.containsKey(key)) {
                throw new IllegalStateException("unfilled placeholder ${" + key + "} in " + name);
            }
        }
        for (Map.Entry<String, String> v : optionLists.entrySet()) {
            sql = sql.replace("${" + v.getKey() + "}", v.getValue());
        }
        // An option list ends with a comma; the last one before ')' must go (outside string literals).
        sql = dropCommaBeforeParenthesis(sql);
        for (Map.Entry<String, String> v : values.entrySet()) {
            sql = sql.replace("${" + v.getKey() + "}", v.getValue().replace("'", "''"));
        }
        return sql;
    }

    private static String dropCommaBeforeParenthesis(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (ch == '\'') {
                quoted = !quoted; // a doubled '' inside a literal toggles twice
            } else if (!quoted && ch == ',') {
                int j = i + 1;
                while (j < sql.length() && Character.isWhitespace(sql.charAt(j))) {
                    j++;
                }
                if (j < sql.length() && sql.charAt(j) == ')') {
                    out.append('\n');
                    i = j - 1; // the ')' comes next
                    continue;
                }
            }
            out.append(ch);
        }
        return out.toString();
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
