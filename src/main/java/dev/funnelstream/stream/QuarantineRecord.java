package dev.funnelstream.stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A quarantined row as put on {@code ecommerce.events.quarantine}: where it came from, why it was
 * refused, and its text.
 */
public record QuarantineRecord(String source, long row, long line, String reason, String detail, String rawLine) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The UTF-8 JSON bytes of this record. */
    public byte[] toJson() {
        try {
            return MAPPER.writeValueAsBytes(new Wire(source, row, line, reason, detail, rawLine));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a record written by {@link #toJson}; throws IllegalArgumentException when it is not one. */
    public static QuarantineRecord fromJson(byte[] json) {
        try {
            Wire w = MAPPER.readValue(json, Wire.class);
            if (w.reason == null) {
                throw new IllegalArgumentException("quarantine record without a reason");
            }
            return new QuarantineRecord(w.source, w.row, w.line, w.reason, w.detail, w.raw_line);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a quarantine record: " + e.getMessage());
        }
    }

    /** The JSON shape, with the snake_case names used on every topic. */
    @SuppressWarnings("checkstyle:MemberName")
    record Wire(String source, long row, long line, String reason, String detail, String raw_line) {
    }
}
