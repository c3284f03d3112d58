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
