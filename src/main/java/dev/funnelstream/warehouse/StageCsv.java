package dev.funnelstream.warehouse;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a batch as CSV for DuckDB's {@code read_csv} to load in one statement: much faster than
 * row-by-row appends, and, unlike DuckDB's appender, the load runs inside the batch's transaction.
 * Text is always quoted; null is an unquoted {@code \N}.
 */
final class StageCsv implements AutoCloseable {
    private static final int FLUSH_AT = 1 << 20;
    private final Writer out;
    /** Rows are built here and written in large chunks: per-character writes are slow. */
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 4096);
    private boolean firstInRow = true;

    StageCsv(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    StageCsv number(long value) throws IOException {
        separator();
        buffer.append(value);
        return this;
    }

    StageCsv raw(String value) throws IOException {
        separator();
        buffer.append(value);
        return this;
    }

    StageCsv text(String value) throws IOException {
        separator();
        if (value == null) {
            buffer.append("\\N");
            return this;
        }
        buffer.append('"');
        if (value.indexOf('"') < 0) {
            buffer.append(value);
        } else {
            buffer.append(value.replace("\"", "\"\""));
        }
        buffer.append('"');
        return this;
    }

    void endRow() throws IOException {
        buffer.append('\n');
        firstInRow = true;
        if (buffer.length() >= FLUSH_AT) {
            out.append(buffer);
            buffer.setLength(0);
        }
    }

    private void separator() {
        if (!firstInRow) {
            buffer.append(',');
        }
        firstInRow = false;
    }

    @Override
    public void close() throws IOException {
        out.append(buffer);
        out.close();
    }
}
