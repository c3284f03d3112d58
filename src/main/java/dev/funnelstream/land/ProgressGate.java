package dev.funnelstream.land;

import dev.funnelstream.stream.ReplayProgress;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Holds back rows read from the raw topics until a replay progress record has released them.
 * <p>
 * The replay commits its rows and the progress that counts them in one Kafka transaction, but the
 * loader reads the topics' partitions independently, so a poll can bring a transaction's rows
 * before its progress record. Landing those rows first would leave the warehouse, after a stop or a
 * crash, with more events than input rows. Each progress record names the offsets its transaction's
 * rows reached; rows below the highest offset named for their partition are released.
 */
final class ProgressGate {
    private final Map<TopicPartition, Long> released;
    private final Map<TopicPartition, ArrayDeque<ConsumerRecord<byte[], byte[]>>> held = new HashMap<>();
    private int heldCount;

    /** @param released the offsets released before, as landed with the rows they let through */
    ProgressGate(Map<TopicPartition, Long> released) {
        this.released = new HashMap<>(released);
    }

    /** Keeps a raw-topic record until it is released. */
    void hold(ConsumerRecord<byte[], byte[]> r) {
        held.computeIfAbsent(new TopicPartition(r.topic(), r.partition()), tp -> new ArrayDeque<>()).add(r);
        heldCount++;
    }

    /**
     * Releases the rows of the transaction the progress record ends. A record of an earlier version
     * names no offsets; it releases everything held, as that version's loader would have landed it.
     */
    void release(ReplayProgress progress) {
        if (progress.upTo() == null) {
            held.forEach((tp, records) -> {
                if (!records.isEmpty()) {
                    released.merge(tp, records.peekLast().offset() + 1, Math::max);
                }
            });
            return;
        }
        progress.upTo().forEach((topic, partitions) -> partitions.forEach((partition, upTo) ->
                released.merge(new TopicPartition(topic, partition), upTo, Math::max)));
    }

    /** Passes every held record that is now released to the batch, in offset order per partition. */
    void drainReleased(Consumer<ConsumerRecord<byte[], byte[]>> batch) {
        for (Map.Entry<TopicPartition, ArrayDeque<ConsumerRecord<byte[], byte[]>>> e : held.entrySet()) {
            long upTo = released.getOrDefault(e.getKey(), 0L);
            ArrayDeque<ConsumerRecord<byte[], byte[]>> records = e.getValue();
            while (!records.isEmpty() && records.peekFirst().offset() < upTo) {
                batch.accept(records.pollFirst());
                heldCount--;
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

    /** Forgets what is held, for a loader that goes back to read from its landed positions. */
    void clearHeld() {
        held.clear();
        heldCount = 0;
    }

    /** The offsets released so far, per partition. */
    Map<TopicPartition, Long> released() {
        return Map.copyOf(released);
    }
}
