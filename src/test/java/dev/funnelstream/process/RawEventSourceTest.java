package dev.funnelstream.process;

import dev.funnelstream.stream.RawEventJson;
import dev.funnelstream.validate.EventType;
import dev.funnelstream.validate.RawEvent;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** How the job reads the raw topic: client properties, bounds, records to events, event time. */
class RawEventSourceTest {
    private static final RawEvent EVENT = new RawEvent(Instant.parse("2019-10-01T00:00:05Z"), EventType.CART,
            44600062L, 2103807459595387724L, "appliances.kitchen", null, new BigDecimal("35.790"), 541312140L,
            "72d76fde-8bb3-4e00-8c23-a032dfed738c");

    @Test
    void passesTheUsersClientPropertiesAndReadsOnlyCommittedRecords() {
        Map<String, String> kafka = new LinkedHashMap<>();
        kafka.put("bootstrap.servers", "ignored:1");
        kafka.put("security.protocol", "SASL_SSL");
        kafka.put("isolation.level", "read_uncommitted");

        Properties props = RawEventSource.properties(JobSettings.defaults("broker:9092", kafka, "file:///tmp/c", true));

        assertThat(props).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("isolation.level", "read_committed")
                .doesNotContainKey("bootstrap.servers");
    }

    @Test
    void aDrainReadsUpToTheEndOffsetsAndALiveRunReadsOn() {
        assertThat(RawEventSource.source(JobSettings.defaults("b:1", Map.of(), "file:///tmp/c", true), "g")
                .getBoundedness()).isEqualTo(Boundedness.BOUNDED);
        assertThat(RawEventSource.source(JobSettings.defaults("b:1", Map.of(), "file:///tmp/c", false), "g")
                .getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
    }

    @Test
    void readsTheRecordsTheReplayWritesAndSkipsAndCountsAnythingElse() {
        RawEventSource.EventReader reader = new RawEventSource.EventReader();
        List<RawEvent> out = new ArrayList<>();
        Collector<RawEvent> collector = new Collector<>() {
            @Override
            public void collect(RawEvent e) {
                out.add(e);
            }

            @Override
            public void close() {
            }
        };

        reader.deserialize(record(RawEventJson.write(EVENT)), collector);
        reader.deserialize(record("not json".getBytes(StandardCharsets.UTF_8)), collector);
        reader.deserialize(record("{\"event_type\":\"view\"}".getBytes(StandardCharsets.UTF_8)), collector);
        reader.deserialize(record(null), collector);

        assertThat(out).containsExactly(EVENT);
        assertThat(reader.unreadable().getCount()).isEqualTo(3);
    }

    @Test
    void theEventTimeIsTheRecordsEventTimeNotTheKafkaTimestamp() {
        long assigned = RawEventSource.watermarks(JobSettings.defaults("b:1", Map.of(), "file:///tmp/c", true))
                .createTimestampAssigner(null).extractTimestamp(EVENT, 42L);

        assertThat(assigned).isEqualTo(EVENT.eventTime().toEpochMilli());
    }

    @Test
    void eventsTravelBetweenTasksAsAPojoNotThroughKryo() {
        assertThat(TypeInformation.of(RawEvent.class)).isInstanceOf(PojoTypeInfo.class);
    }

    private static ConsumerRecord<byte[], byte[]> record(byte[] value) {
        return new ConsumerRecord<>("ecommerce.events.raw", 0, 7L, null, value);
    }
}
