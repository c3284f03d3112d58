package dev.funnelstream.stream;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The offset just after the last acknowledged record, per topic and partition, since the last
 * {@link #takeAll}. The producer's I/O thread records; the replay thread takes after a flush.
 */
final class SentOffsets {
    private Map<String, Map<Integer, Long>> upTo = new HashMap<>();

    synchronized void record(String topic, int partition, long nextOffset) {
        upTo.computeIfAbsent(topic, t -> new TreeMap<>()).merge(partition, nextOffset, Math::max);
    }

    /** What was recorded, and starts again from nothing. */
    synchronized Map<String, Map<Integer, Long>> takeAll() {
        Map<String, Map<Integer, Long>> out = upTo;
        upTo = new HashMap<>();
        return out;
    }
}
