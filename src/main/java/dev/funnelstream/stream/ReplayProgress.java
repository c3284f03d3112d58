package dev.funnelstream.stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * How far one input has been replayed, committed in the same Kafka transaction as its rows, so a
 * restarted replay resumes exactly after the last row that reached Kafka.
 *
 * @param source   the input's name
 * @param position rows read from the input so far (the resume point)
 * @param replayed rows put on Kafka: events plus quarantined rows (the input rows of status)
 * @param skipped  rows passed over by {@code --sample-per-day}
 * @param complete the input was read to its end
 * @param error    the one-line reason the input stopped early, or null
 * @param rows     per topic and partition, how many rows the replay of this input has put there
 *                 so far (running totals); the loader lands a partition's rows only as far as
 *                 progress records have counted them, so the rows it has landed never outnumber the
 *                 input rows it has landed. Null in records of earlier versions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true) // a later version's fields must not make a record unreadable
public record ReplayProgress(String source, long position, long replayed, long skipped, boolean complete, String error,
                             Map<String, Map<Integer, Long>> rows) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Progress without row totals (added by {@link #withRows} when the replay commits). */
    public ReplayProgress(String source, long position, long replayed, long skipped, boolean complete, String error) {
        this(source, position, replayed, skipped, complete, error, null);
    }

    /** Nothing read yet. */
    public static ReplayProgress start(String source) {
        return new ReplayProgress(source, 0, 0, 0, false, null);
    }

    /** This progress, with the input's running totals of rows per topic and partition. */
    public ReplayProgress withRows(Map<String, Map<Integer, Long>> rowsSent) {
        return new ReplayProgress(source, position, replayed, skipped, complete, error, rowsSent);
    }

    public byte[] toJson() {
        try {
            return MAPPER.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a record written by {@link #toJson}; throws IllegalArgumentException when it is not one. */
    public static ReplayProgress fromJson(byte[] json) {
        try {
            ReplayProgress p = MAPPER.readValue(json, ReplayProgress.class);
            if (p.source() == null) {
                throw new IllegalArgumentException("progress record without a source");
            }
            return p;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a progress record: " + e.getMessage());
        }
    }
}
