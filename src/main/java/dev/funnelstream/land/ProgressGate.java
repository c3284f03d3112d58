package dev.funnelstream.land;

import dev.funnelstream.stream.ReplayProgress;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Holds back rows read from the row topics until a replay progress record has counted them.
 * <p>
 * The replay commits its rows and the progress that counts them in one Kafka transaction, but the
 * loader reads the topics' partitions independently, so a poll can bring a transaction's rows
 * before its progress record. Landing those rows first would leave the warehouse, after a stop or a
 * crash, with more events than input rows. Each progress record says how many rows its transaction
 * put in each partition; transactions follow one another and a partition is read in order, so a
 * partition's next rows, as many as counted and not yet passed on, are the counted ones.
 */
final class ProgressGate {
    /** Per partition: rows counted by progress records read and not yet passed on. */
    private final Map<TopicPartition, Long> counted;
    private final Map<TopicPartition, ArrayDeque<ConsumerRecord<byte[], byte[]>>> held = new HashMap<>();
    private int heldCount;

    /** @param counted the counts left over before, as landed with the batch that left them */
    ProgressGate(Map<TopicPartition, Long> counted) {
        this.counted = new HashMap<>(counted);
    }

    /** Keeps a row-topic record until it is counted. */
    void hold(ConsumerRecord<byte[], byte[]> r) {
        held.computeIfAbsent(new TopicPartition(r.topic(), r.partition()), tp -> new ArrayDeque<>()).add(r);
        heldCount++;
    }

    /**
     * Counts the rows of the transaction the progress record ends. A record of an earlier version
     * counts nothing; it lets through everything held, as that version's loader would have landed it.
     */
    void count(ReplayProgress progress) {
        if (progress.rows() == null) {
            held.forEach((tp, records) -> counted.merge(tp, (long) records.size(), Long::sum));
            return;
        }
        progress.rows().forEach((topic, partitions) -> partitions.forEach((partition, rows) ->
                counted.merge(new TopicPartition(topic, partition), rows, Long::sum)));
    }

    /** Passes every held record that is now counted to the batch, in offset order per partition. */
    void drainCounted(Consumer<ConsumerRecord<byte[], byte[]>> batch) {
        for (Map.Entry<TopicPartition, ArrayDeque<ConsumerRecord<byte[], byte[]>>> e : held.entrySet()) {
            ArrayDeque<ConsumerRecord<byte[], byte[]>> records = e.getValue();
            long left = counted.getOrDefault(e.getKey(), 0L);
            long passed = Math.min(left, records.size());
            for (long i = 0; i < passed; i++) {
                batch.accept(records.pollFirst());
            }
            heldCount -= (int) passed;
            if (passed > 0) {
                counted.put(e.getKey(), left - passed);
            }
        }
    }

    /** The offset of the first record held for the partition, or null when none is held. */
    Long firstHeld(TopicPartition tp) {
        ArrayDeque<ConsumerRecord<byte[], byte[]>> records = held.get(tp);
        return records == null || records.isEmpty() ? null : records.peekFirst().offset();
    }

    int heldCount() {
        return heldCount;
    }

    /**
     * Goes back to a landed state: forgets what is held and takes the counts landed with it, for a
     * loader that reads again from its landed positions.
     */
    void reset(Map<TopicPartition, Long> landedCounts) {
        held.clear();
        heldCount = 0;
        counted.clear();
        counted.putAll(landedCounts);
    }

    /** Rows counted and not yet passed on, per partition (zeros included once seen). */
    Map<TopicPartition, Long> counted() {
        return Map.copyOf(counted);
    }
}
