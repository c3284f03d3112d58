package dev.funnelstream.stream;

import org.apache.kafka.common.utils.Utils;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows the replay of one input has sent, per topic and partition (running totals, carried by
 * its progress records), and how many are in the open transaction. The replay picks each row's
 * partition itself, as Kafka's default partitioner would for the key, so the totals are known
 * before the rows are acknowledged and the progress can go out with them.
 */
final class SentRows {
    private final Map<String, Map<Integer, Long>> totals = new HashMap<>();
    private int inTransaction;

    /** The partition Kafka's default partitioner gives a keyed record: murmur2 of the key. */
    static int partitionFor(byte[] key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key)) % partitions;
    }

    /** Starts from the totals of the input's last committed progress (null: none, or an earlier version's). */
    void startFrom(Map<String, Map<Integer, Long>> committed) {
        totals.clear();
        inTransaction = 0;
        if (committed != null) {
            committed.forEach((topic, partitions) -> totals.put(topic, new TreeMap<>(partitions)));
        }
    }

    void add(String topic, int partition) {
        totals.computeIfAbsent(topic, t -> new TreeMap<>()).merge(partition, 1L, Long::sum);
        inTransaction++;
    }

    /** Rows sent since the last {@link #transactionCommitted}. */
    int inTransaction() {
        return inTransaction;
    }

    void transactionCommitted() {
        inTransaction = 0;
    }

    /** A copy of the totals, for a progress record. */
    Map<String, Map<Integer, Long>> totals() {
        Map<String, Map<Integer, Long>> copy = new HashMap<>();
        totals.forEach((topic, partitions) -> copy.put(topic, new TreeMap<>(partitions)));
        return copy;
    }
}
