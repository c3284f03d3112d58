package dev.funnelstream.stream;

import dev.funnelstream.app.Funnelstream;
import dev.funnelstream.app.RunSettings;
import dev.funnelstream.generate.GeneratorSettings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the replay really puts on {@code ecommerce.events.raw} meets the JSON Schema contract, is
 * keyed by session with the event time as timestamp, and keeps each session's events in order.
 */
class RawTopicContractIT {

    @Test
    void everyProducedRecordMeetsTheSchemaAndKeepsItsSessionInOnePartition(@TempDir Path tmp) throws Exception {
        GeneratorSettings shop = GeneratorSettings.of(20_000, "2019-10", 3);
        ReplayInput synthetic = new SyntheticInput(shop);
        RunSettings settings = new RunSettings(tmp, List.of(synthetic), Speed.MAX, 0, null, "127.0.0.1", 0, 4,
                RunSettings.DEFAULT_TRANSACTIONAL_ID);
        try (Funnelstream app = Funnelstream.start(settings, message -> { })) {
            assertThat(app.awaitDrained()).isTrue();
            List<ConsumerRecord<byte[], byte[]>> records = readAll(app.kafkaBootstrap());

            assertThat(records).hasSize((int) app.replayStats().events.get());
            Map<String, Integer> partitionOfKey = new HashMap<>();
            Map<String, Long> lastTimeOfKey = new HashMap<>();
            for (ConsumerRecord<byte[], byte[]> r : records) {
                assertThat(RawEventSchema.errors(r.value())).as(new String(r.value(), StandardCharsets.UTF_8)).isEmpty();
                var event = RawEventJson.read(r.value());
                String key = new String(r.key(), StandardCharsets.UTF_8);
                assertThat(key).isEqualTo(event.userSession() != null ? event.userSession() : "user:" + event.userId());
                assertThat(r.timestamp()).isEqualTo(event.eventTime().toEpochMilli());
                assertThat(partitionOfKey.computeIfAbsent(key, k -> r.partition())).isEqualTo(r.partition());
                long previous = lastTimeOfKey.getOrDefault(key, Long.MIN_VALUE);
                assertThat(r.timestamp()).as("session %s in order", key).isGreaterThanOrEqualTo(previous);
                lastTimeOfKey.put(key, r.timestamp());
            }
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrap) {
        KafkaSettings kafka = new KafkaSettings(bootstrap, Map.of());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(kafka.clientConfig(Map.of(
                "key.deserializer", ByteArrayDeserializer.class.getName(),
                "value.deserializer", ByteArrayDeserializer.class.getName(),
                "isolation.level", "read_committed")))) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(Topics.RAW).forEach(p -> partitions.add(new TopicPartition(Topics.RAW, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            return out;
        }
    }
}
