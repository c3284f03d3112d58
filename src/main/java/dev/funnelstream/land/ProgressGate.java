package dev.funnelstream.land;

import dev.funnelstream.stream.ReplayProgress;
import dev.funnelstream.stream.Topics;
import dev.funnelstream.warehouse.RawBatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Holds back rows read from the row topics until a replay progress record has counted them.
 * <p>
 * The replay commits its rows and the progress that counts them in one Kafka transaction, but the
 * loader reads the topics' partitions independently, so a poll can bring a transaction's rows
 * before its progress record. Landing those rows first would leave the warehouse, after a stop or a
 * crash, with more events than input rows. Each progress record carries its input's running total
 * of rows per partition (running totals, so the compacted progress topic's latest record per input
 * is enough). A partition is read in order and one replay's transactions follow one another, so
 * while the loader has taken fewer counted rows from a partition than the inputs' totals say, its
 * next counted row is one of them. Rows the replay did not mark as counted (from versions before
 * the mark, or from another producer) are not held.
 */
final class ProgressGate {
    private static final String SENT = "sent:";
    private static final String PASSED = "passed:";

    private final String passedCounter;
    /** Per counter ({@code sent:<source>} and {@code passed:<consumer>}): rows per partition. */
    private final Map<String, Map<TopicPartition, Long>> counts = new HashMap<>();
    /** The sum of the {@code sent:} counters per partition. */
    private final Map<TopicPartition, Long> sentTotal = new HashMap<>();
    private final Map<TopicPartition, ArrayDeque<ConsumerRecord<byte[], byte[]>>> held = new HashMap<>();
    private int heldCount;
    private List<RawBatch.RowCount> landed;

    /** @param landed the counts as landed with the last batch */
    ProgressGate(String consumer, List<RawBatch.RowCount> landed) {
        this.passedCounter = PASSED + consumer;
        this.landed = List.copyOf(landed);
        load(landed);
    }

    /** Keeps a row-topic record until it may be passed on. */
    void hold(ConsumerRecord<byte[], byte[]> r) {
        hold(new TopicPartition(r.topic(), r.partition()), List.of(r));
    }

    /** Keeps one partition's records of a poll, in offset order, until they may be passed on. */
    void hold(TopicPartition tp, List<ConsumerRecord<byte[], byte[]>> records) {
        held.computeIfAbsent(tp, p -> new ArrayDeque<>()).addAll(records);
        heldCount += records.size();
    }

    /** Takes in the running totals of a progress record; records of earlier versions carry none. */
    void count(ReplayProgress progress) {
        if (progress.rows() == null) {
            return;
        }
        Map<TopicPartition, Long> sent = counts.computeIfAbsent(SENT + progress.source(), c -> new HashMap<>());
        progress.rows().forEach((topic, partitions) -> partitions.forEach((partition, total) -> {
            TopicPartition tp = new TopicPartition(topic, partition);
            long before = sent.getOrDefault(tp, 0L);
            if (total > before) {
                sent.put(tp, total);
                sentTotal.merge(tp, total - before, Long::sum);
            }
        }));
    }

    /** Passes on every held record that may now go, in offset order per partition. */
    void drain(Consumer<ConsumerRecord<byte[], byte[]>> batch) {
        Map<TopicPartition, Long> passed = counts.computeIfAbsent(passedCounter, c -> new HashMap<>());
        for (Map.Entry<TopicPartition, ArrayDeque<ConsumerRecord<byte[], byte[]>>> e : held.entrySet()) {
            TopicPartition tp = e.getKey();
            ArrayDeque<ConsumerRecord<byte[], byte[]>> records = e.getValue();
            long taken = passed.getOrDefault(tp, 0L);
            long counted = sentTotal.getOrDefault(tp, 0L);
            while (!records.isEmpty()) {
                boolean marked = records.peekFirst().headers().lastHeader(Topics.COUNTED_HEADER) != null;
                if (marked && taken >= counted) {
                    break;
                }
                taken += marked ? 1 : 0;
                batch.accept(records.pollFirst());
                heldCount--;
            }
            if (taken != passed.getOrDefault(tp, 0L)) {
                passed.put(tp, taken);
            }
        }
    }

    /** The offset of the first record held for the partition, or null when none is held. */
    Long firstHeld(TopicPartition tp) {
        ArrayDeque<ConsumerRecord<byte[], byte[]>> records = held.get(tp);
        return records == null || records.isEmpty() ? null : records.peekFirst().offset();
    }

    /** The offset of the first record held for each partition that holds any. */
    Map<TopicPartition, Long> firstHeld() {
        Map<TopicPartition, Long> out = new HashMap<>();
        held.forEach((tp, records) -> {
            if (!records.isEmpty()) {
                out.put(tp, records.peekFirst().offset());
            }
        });
        return out;
    }

    int heldCount() {
        return heldCount;
    }

    /** The counts that differ from the landed ones, to land with the next batch. */
    List<RawBatch.RowCount> moved() {
        Map<String, Long> before = new HashMap<>();
        for (RawBatch.RowCount r : landed) {
            before.put(key(r), r.rows());
        }
        List<RawBatch.RowCount> out = new ArrayList<>();
        for (RawBatch.RowCount r : all()) {
            Long was = before.get(key(r));
            if (was == null || was != r.rows()) {
                out.add(r);
            }
        }
        return out;
    }

    /** The batch carrying {@link #moved} has landed: these counts are now the landed ones. */
    void markLanded() {
        landed = all();
    }

    /** Goes back to the landed counts and forgets what is held, for a loader that reads again from its landed positions. */
    void reset() {
        held.clear();
        heldCount = 0;
        load(landed);
    }

    private void load(List<RawBatch.RowCount> rows) {
        counts.clear();
        sentTotal.clear();
        for (RawBatch.RowCount r : rows) {
            TopicPartition tp = new TopicPartition(r.topic(), r.partition());
            counts.computeIfAbsent(r.counter(), c -> new HashMap<>()).put(tp, r.rows());
            if (r.counter().startsWith(SENT)) {
                sentTotal.merge(tp, r.rows(), Long::sum);
            }
        }
    }

    private List<RawBatch.RowCount> all() {
        List<RawBatch.RowCount> out = new ArrayList<>();
        counts.forEach((counter, partitions) -> partitions.forEach((tp, rows) ->
                out.add(new RawBatch.RowCount(counter, tp.topic(), tp.partition(), rows))));
        return out;
    }

    private static String key(RawBatch.RowCount r) {
        return r.counter() + "\u0000" + r.topic() + "\u0000" + r.partition();
    }
}
