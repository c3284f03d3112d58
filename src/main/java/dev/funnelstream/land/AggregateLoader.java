package dev.funnelstream.land;

import dev.funnelstream.stream.KafkaSettings;
import dev.funnelstream.stream.Topics;
import dev.funnelstream.warehouse.AggregateBatch;
import dev.funnelstream.warehouse.RawBatch;
import dev.funnelstream.warehouse.Warehouse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lands the Flink job's aggregate topics in the processed layer: each record is the latest value of
 * its key (or a tombstone), upserted into the processed table together with the consumer positions
 * in one transaction. Batches are small and written as soon as the topic is quiet, so a result is
 * readable in the warehouse well under a second after Flink wrote it.
 */
public final class AggregateLoader implements Runnable {
    /** The name under which this loader's positions are kept in the warehouse. */
    public static final String CONSUMER = "aggregate-loader";
    private static final Logger log = LoggerFactory.getLogger(AggregateLoader.class);
    private static final Map<String, String> AGGREGATE_OF_TOPIC = Map.of(
            Topics.AGG_FUNNEL_MINUTE, "funnel_minute",
            Topics.AGG_SESSION_FUNNEL, "session_funnel",
            Topics.AGG_TRENDING, "trending",
            Topics.AGG_LATE_EVENTS, "late_events");
    private static final long MAX_BATCH_NANOS = 100_000_000L;

    private final Warehouse warehouse;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, AggregateCodec> codecs = new HashMap<>();
    private final Map<TopicPartition, Long> landed = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private volatile Throwable failure;
    private volatile long unreadable;

    public AggregateLoader(KafkaSettings kafka, Warehouse warehouse) {
        this.warehouse = warehouse;
        this.consumer = new KafkaConsumer<>(kafka.clientConfig(Map.of(
                "key.deserializer", ByteArrayDeserializer.class.getName(),
                "value.deserializer", ByteArrayDeserializer.class.getName(),
                "enable.auto.commit", "false",
                "max.poll.records", "5000")));
        AGGREGATE_OF_TOPIC.values().forEach(a -> codecs.put(a, new AggregateCodec(a)));
    }

    /** The error that stopped the loader, or null while it is healthy. */
    public Throwable failure() {
        return failure;
    }

    /** Records that could not be decoded; they are skipped (and logged), never fatal. */
    public long unreadable() {
        return unreadable;
    }

    @Override
    public void run() {
        try {
            assignFromWarehouse();
            loop();
        } catch (WakeupException e) {
            if (!stopping) {
                failure = e;
            }
        } catch (Throwable t) {
            failure = t;
            log.error("Aggregate loader stopped: {}", t.toString(), t);
        } finally {
            // Here, in the consumer's own thread: Kafka refuses a close from another thread while
            // this one still uses it (a stop that times out during a long commit).
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void assignFromWarehouse() throws SQLException {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : Topics.AGGREGATES) {
            for (PartitionInfo p : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        for (RawBatch.Position p : warehouse.aggregatePositions(CONSUMER)) {
            TopicPartition tp = new TopicPartition(p.topic(), p.partition());
            if (partitions.contains(tp)) {
                consumer.seek(tp, p.nextOffset());
                landed.put(tp, p.nextOffset());
            }
        }
    }

    private void loop() {
        Map<String, AggregateBatch.Change> changes = new LinkedHashMap<>();
        long batchStart = System.nanoTime();
        int failures = 0;
        while (!stopping) {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(20));
            for (ConsumerRecord<byte[], byte[]> r : records) {
                add(changes, r);
            }
            Map<TopicPartition, Long> positions = new LinkedHashMap<>();
            consumer.assignment().forEach(tp -> positions.put(tp, consumer.position(tp)));
            boolean moved = !positions.equals(landed);
            if (!moved) {
                batchStart = System.nanoTime();
                continue;
            }
            if (records.isEmpty() || System.nanoTime() - batchStart >= MAX_BATCH_NANOS) {
                try {
                    List<RawBatch.Position> after = new ArrayList<>();
                    positions.forEach((tp, o) -> after.add(new RawBatch.Position(tp.topic(), tp.partition(), o)));
                    warehouse.landAggregates(CONSUMER, new AggregateBatch(new ArrayList<>(changes.values()), after));
                    landed.putAll(positions);
                    failures = 0;
                } catch (SQLException e) {
                    failures++;
                    long backoff = Math.min(30_000L, 200L << Math.min(failures, 7));
                    log.warn("Landing aggregates failed ({}); retrying in {} ms", e.getMessage(), backoff);
                    LandedPositions.rewind(consumer, landed); // the failed batch's records are read again
                    sleepQuietly(backoff);
                }
                changes.clear();
                batchStart = System.nanoTime();
            }
        }
    }

    /** Keeps the latest change per aggregate and key: an earlier value of the key is superseded. */
    private void add(Map<String, AggregateBatch.Change> changes, ConsumerRecord<byte[], byte[]> r) {
        String aggregate = AGGREGATE_OF_TOPIC.get(r.topic());
        AggregateCodec codec = codecs.get(aggregate);
        try {
            Object[] key = codec.key(r.key());
            Object[] values = r.value() == null ? null : codec.value(r.value());
            String id = aggregate + ":" + Arrays.toString(key);
            changes.remove(id); // re-insert, so the batch keeps the order of the latest changes
            changes.put(id, new AggregateBatch.Change(aggregate, key, values));
        } catch (IllegalArgumentException | NullPointerException e) {
            unreadable++;
            log.warn("Skipping an unreadable record at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(),
                    e.getMessage());
        }
    }

    /** True when every partition has been landed up to at least the given offsets. */
    public boolean caughtUpWith(Map<TopicPartition, Long> endOffsets) {
        for (Map.Entry<TopicPartition, Long> e : endOffsets.entrySet()) {
            if (landed.getOrDefault(e.getKey(), 0L) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    /** Stops after the batch in hand. */
    public void stop() {
        stopping = true;
        consumer.wakeup();
    }

    /** Closes the Kafka consumer of a loader that never ran: {@link #run} closes it as it ends (closing twice does nothing). */
    public void closeConsumer() {
        consumer.close(Duration.ofSeconds(5));
    }
}
