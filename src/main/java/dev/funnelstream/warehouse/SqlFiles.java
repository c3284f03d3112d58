package dev.funnelstream.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Loads SQL kept as resource files under {@code /warehouse/}, one purpose per file. */
public final class SqlFiles {
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private SqlFiles() {
    }

    /** The text of {@code /warehouse/<name>}, e.g. {@code land/insert_events.sql}. */
    public static String load(String name) {
        return CACHE.computeIfAbsent(name, SqlFiles::read);
    }

    /** The statements of a file, split at semicolons that end a line; comments dropped. */
    public static List<String> statements(String name) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : load(name).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                out.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    /**
     * The statements of a file with {@code ${key}} placeholders filled in. Values are quoted as SQL
     * string contents; they are the program's own (file paths it chose), never user input, which
     * always goes through JDBC parameters.
     */
    public static List<String> statements(String name, Map<String, String> values) {
        List<String> out = new ArrayList<>();
        for (String sql : statements(name)) {
            for (Map.Entry<String, String> v : values.entrySet()) {
                sql = sql.replace("${" + v.getKey() + "}", v.getValue().replace("'", "''"));
            }
            if (sql.contains("${")) {
                throw new IllegalStateException("unfilled placeholder in " + name + ": " + sql);
            }
            out.add(sql);
        }
        return out;
    }

    private static String read(String name) {
        String path = "/warehouse/" + name;
        try (InputStream in = SqlFiles.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing SQL resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
