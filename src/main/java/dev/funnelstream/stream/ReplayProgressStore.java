package dev.funnelstream.stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the committed replay progress of every input from {@link Topics#REPLAY_PROGRESS}. */
public final class ReplayProgressStore {
    private static final Logger log = LoggerFactory.getLogger(ReplayProgressStore.class);

    private ReplayProgressStore() {
    }

    /** The latest committed progress per input name. */
    public static Map<String, ReplayProgress> readAll(KafkaSettings kafka) {
        Map<String, ReplayProgress> latest = new HashMap<>();
        Map<String, Object> overrides = Map.of(
                "key.deserializer", ByteArrayDeserializer.class.getName(),
                "value.deserializer", ByteArrayDeserializer.class.getName(),
                "isolation.level", "read_committed",
                "enable.auto.commit", "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(kafka.clientConfig(overrides))) {
            TopicPartition tp = new TopicPartition(Topics.REPLAY_PROGRESS, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            while (consumer.position(tp) < end) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        ReplayProgress p = ReplayProgress.fromJson(r.value());
                        latest.put(p.source(), p);
                    } catch (IllegalArgumentException e) {
                        log.warn("Ignoring unreadable progress record at offset {}: {}", r.offset(), e.getMessage());
                    }
                }
            }
        }
        return latest;
    }
}
