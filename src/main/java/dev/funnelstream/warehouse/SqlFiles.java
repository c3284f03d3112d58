package dev.funnelstream.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Loads SQL kept as resource files under {@code /warehouse/}, one purpose per file. */
public final class SqlFiles {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)}");

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
     * The statements of a file with {@code ${key}} placeholders filled in, in one pass over the file's
     * text (a value is never scanned for placeholders itself). Values are quoted as SQL string
     * contents; they are the program's own names and row lists, never user input, which always goes
     * through JDBC parameters.
     */
    public static List<String> statements(String name, Map<String, String> values) {
        List<String> out = new ArrayList<>();
        for (String sql : statements(name)) {
            Matcher m = PLACEHOLDER.matcher(sql);
            StringBuilder filled = new StringBuilder();
            while (m.find()) {
                String value = values.get(m.group(1));
                if (value == null) {
                    throw new IllegalStateException("unfilled placeholder ${" + m.group(1) + "} in " + name);
                }
                m.appendReplacement(filled, Matcher.quoteReplacement(value.replace("'", "''")));
            }
            m.appendTail(filled);
            out.add(filled.toString());
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
