package dev.funnelstream.warehouse;

import dev.funnelstream.stream.QuarantineRecord;
import dev.funnelstream.stream.ReplayProgress;
import dev.funnelstream.validate.RawEvent;

import java.util.List;

/**
 * What the loader lands in one warehouse transaction: the records read since the last batch, the
 * consumer positions just after them, and the row counts that moved (see {@link RowCount}).
 */
public record RawBatch(
        List<Event> events,
        List<Quarantined> quarantined,
        List<ReplayProgress> progress,
        List<Position> positions,
        List<RowCount> rowCounts,
        Long kafkaLag) {

    /** A raw-topic record with the event it holds. */
    public record Event(RawEvent event, long eventId, int partition, long offset) {
    }

    /** A quarantined row, or an unreadable record of any topic. */
    public record Quarantined(QuarantineRecord record, String topic, int partition, long offset) {
    }

    /** The next offset to read from a partition once this batch is landed. */
    public record Position(String topic, int partition, long nextOffset) {
    }

    /**
     * Rows in one partition, under a counter: {@code sent:<source>} for the rows an input's replay
     * has put there, {@code passed:<consumer>} for the counted rows the loader has taken from there.
     */
    public record RowCount(String counter, String topic, int partition, long rows) {
    }

    public int recordCount() {
        return events.size() + quarantined.size() + progress.size();
    }
}
