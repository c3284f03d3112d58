package dev.funnelstream.warehouse;

import dev.funnelstream.stream.QuarantineRecord;
import dev.funnelstream.stream.ReplayProgress;
import dev.funnelstream.validate.RawEvent;

import java.util.List;

/**
 * What the loader lands in one warehouse transaction: the records read since the last batch, the
 * consumer positions just after them, and per partition the rows that progress records have
 * counted but the loader has not read yet (empty when unchanged; kept as positions whose
 * {@code nextOffset} is that number of rows).
 */
public record RawBatch(
        List<Event> events,
        List<Quarantined> quarantined,
        List<ReplayProgress> progress,
        List<Position> positions,
        List<Position> counted,
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

    /** Not a consumer: the name the consumer's counted-but-unread rows are kept under, beside its positions. */
    public static String countedKey(String consumer) {
        return consumer + ":counted";
    }

    public int recordCount() {
        return events.size() + quarantined.size() + progress.size();
    }
}
