package dev.funnelstream.stream;

import org.apache.kafka.common.utils.Utils;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of the open replay transaction, counted per topic and partition, for the progress record
 * that ends it. The replay picks each row's partition itself, as Kafka's default partitioner would
 * for the key, so the counts are known before the rows are acknowledged.
 */
final class TransactionRows {
    private Map<String, Map<Integer, Long>> counts = new HashMap<>();
    private int total;

    /** The partition Kafka's default partitioner gives a keyed record: murmur2 of the key. */
    static int partitionFor(byte[] key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key)) % partitions;
    }

    void add(String topic, int partition) {
        counts.computeIfAbsent(topic, t -> new TreeMap<>()).merge(partition, 1L, Long::sum);
        total++;
    }

    int total() {
        return total;
    }

    /** The counts so far; counting starts again from nothing. */
    Map<String, Map<Integer, Long>> takeAll() {
        Map<String, Map<Integer, Long>> out = counts;
        counts = new HashMap<>();
        total = 0;
        return out;
    }
}
