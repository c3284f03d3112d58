package dev.funnelstream.process;

import dev.funnelstream.stream.RawEventJson;
import dev.funnelstream.stream.Topics;
import dev.funnelstream.validate.RawEvent;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Properties;

/**
 * The raw topic as the job reads it: each JSON record of {@code schemas/raw-event.schema.json} read
 * by the same reader as the loader's, its event time from {@code event_time}, and a watermark that
 * trails the newest event by the out-of-orderness bound. A record that is not an event (someone
 * else's, on a shared cluster) is skipped and counted: the loader quarantines it with its reason.
 */
final class RawEventSource {
    /** A partition with nothing new must not hold the watermark (and every window) back. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);

    private RawEventSource() {
    }

    static KafkaSource<RawEvent> source(JobSettings s, String groupId) {
        KafkaSourceBuilder<RawEvent> b = KafkaSource.<RawEvent>builder()
                .setProperties(properties(s))
                .setBootstrapServers(s.bootstrapServers())
                .setTopics(Topics.RAW)
                .setGroupId(groupId)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new EventReader());
        if (s.bounded()) {
            b.setBounded(OffsetsInitializer.latest());
        }
        return b.build();
    }

    /** The user's client properties (security and the like), reading only committed transactions. */
    static Properties properties(JobSettings s) {
        Properties props = new Properties();
        s.clientProperties().forEach(props::setProperty);
        // Only committed replay transactions, as the loader sees them.
        props.setProperty("isolation.level", "read_committed");
        return props;
    }

    static WatermarkStrategy<RawEvent> watermarks(JobSettings s) {
        return WatermarkStrategy.<RawEvent>forBoundedOutOfOrderness(s.watermarkDelay())
                .withTimestampAssigner((e, recordTimestamp) -> e.eventTime().toEpochMilli())
                .withIdleness(IDLE_TIMEOUT);
    }

    /** JSON bytes to events; anything else is counted, logged once in a while, and skipped. */
    static final class EventReader implements KafkaRecordDeserializationSchema<RawEvent> {
        private static final Logger log = LoggerFactory.getLogger(EventReader.class);
        /** A plain counter until the reader is opened with its metric group (and in tests). */
        private transient Counter unreadable;

        @Override
        public void open(DeserializationSchema.InitializationContext context) {
            unreadable = context.getMetricGroup().counter("unreadableRecords");
        }

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawEvent> out) {
            if (record.value() == null) {
                skip(record, "no value");
                return;
            }
            try {
                out.collect(RawEventJson.read(record.value()));
            } catch (IllegalArgumentException e) {
                skip(record, e.getMessage());
            }
        }

        private void skip(ConsumerRecord<byte[], byte[]> record, String reason) {
            unreadable().inc();
            long count = unreadable().getCount();
            if (count <= 10 || Long.bitCount(count) == 1) {
                log.warn("Skipped a record that is not an event ({}) at {}-{} offset {}; {} so far",
                        reason, record.topic(), record.partition(), record.offset(), count);
            }
        }

        Counter unreadable() {
            if (unreadable == null) {
                unreadable = new SimpleCounter();
            }
            return unreadable;
        }

        @Override
        public TypeInformation<RawEvent> getProducedType() {
            return TypeInformation.of(RawEvent.class);
        }
    }
}
