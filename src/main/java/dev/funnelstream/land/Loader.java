package dev.funnelstream.land;

import dev.funnelstream.stream.KafkaSettings;
import dev.funnelstream.stream.QuarantineRecord;
import dev.funnelstream.stream.RawEventJson;
import dev.funnelstream.stream.ReplayProgress;
import dev.funnelstream.stream.Topics;
import dev.funnelstream.validate.EventIdentity;
import dev.funnelstream.validate.QuarantineReason;
import dev.funnelstream.validate.RawEvent;
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

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lands the raw topics in the warehouse's raw layer, exactly once: it reads from the positions the
 * warehouse holds and commits each batch together with the positions after it, so a crash at any
 * moment neither loses nor repeats a record. Exact repeats of an event are counted, not landed twice.
 * Rows are landed only once the replay's progress record that counts them has been read (see
 * {@link ProgressGate}), so the landed rows never outnumber the landed input rows.
 */
public final class Loader implements Runnable, AutoCloseable {
    /** The name under which the loader's positions are kept in the warehouse. */
    public static final String CONSUMER = "raw-loader";
    private static final Logger log = LoggerFactory.getLogger(Loader.class);
    private static final int MAX_BATCH_RECORDS = 100_000;
    private static final long MAX_BATCH_NANOS = 250_000_000L;
    /** Above this many held rows the row partitions pause until progress records release some. */
    static final int MAX_HELD_RECORDS = 200_000;
    /** How often the loader looks for held rows that no progress record will release. */
    private static final long HELD_CHECK_NANOS = 5_000_000_000L;

    private final Warehouse warehouse;
    private final LoaderStats stats = new LoaderStats();
    private final KafkaConsumer<byte[], byte[]> consumer;
    private volatile boolean stopping;
    private volatile Throwable failure;
    private ProgressGate gate;
    private final HeldRowsWatch heldRowsWatch = new HeldRowsWatch();
    private long nextHeldCheck;

    public Loader(KafkaSettings kafka, Warehouse warehouse) {
        this.warehouse = warehouse;
        this.consumer = new KafkaConsumer<>(kafka.clientConfig(consumerSettings()));
    }

    /** The loader's consumer settings: read committed, large fetches (kafka-floor bench uses them too). */
    public static Map<String, Object> consumerSettings() {
        return Map.of(
                "key.deserializer", ByteArrayDeserializer.class.getName(),
                "value.deserializer", ByteArrayDeserializer.class.getName(),
                // Only committed replay transactions: an aborted one never reaches the warehouse.
                "isolation.level", "read_committed",
                "enable.auto.commit", "false",
                "max.poll.records", "20000",
                "fetch.max.bytes", String.valueOf(64 * 1024 * 1024),
                "max.partition.fetch.bytes", String.valueOf(16 * 1024 * 1024));
    }

    public LoaderStats stats() {
        return stats;
    }

    /** The error that stopped the loader, or null while it is healthy. */
    public Throwable failure() {
        return failure;
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
            log.error("Loader stopped: {}", t.toString(), t);
        } finally {
            // Here, in the consumer's own thread: Kafka refuses a close from another thread while
            // this one still uses it (a stop that times out during a long commit).
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void assignFromWarehouse() throws SQLException {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : Topics.LANDED) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            for (PartitionInfo p : infos) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> landed = new HashMap<>();
        for (RawBatch.Position p : warehouse.positions(CONSUMER)) {
            TopicPartition tp = new TopicPartition(p.topic(), p.partition());
            if (partitions.contains(tp)) {
                consumer.seek(tp, p.nextOffset());
                landed.put(tp, p.nextOffset());
            }
        }
        stats.setLanded(landed);
        gate = new ProgressGate(CONSUMER, warehouse.rowCounts());
        log.info("Loader reading {} partitions from the positions landed before ({} known)",
                partitions.size(), landed.size());
    }

    private void loop() {
        int failures = 0;
        BatchBuilder batch = new BatchBuilder();
        long batchStart = System.nanoTime();
        while (!stopping) {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
            for (TopicPartition tp : records.partitions()) {
                if (!Topics.REPLAY_PROGRESS.equals(tp.topic())) {
                    gate.hold(tp, records.records(tp));
                    continue;
                }
                for (ConsumerRecord<byte[], byte[]> r : records.records(tp)) {
                    ReplayProgress progress = batch.add(r);
                    if (progress != null) {
                        gate.count(progress);
                    }
                }
            }
            gate.drain(batch::add);
            pauseWhileTooMuchIsHeld();
            watchHeldRows();
            Map<TopicPartition, Long> positions = currentPositions();
            boolean moved = !positions.equals(stats.landed());
            long now = System.nanoTime();
            boolean full = batch.size() >= MAX_BATCH_RECORDS;
            boolean old = now - batchStart >= MAX_BATCH_NANOS;
            if (moved && (full || old || records.isEmpty())) {
                try {
                    land(batch, positions, measureLag(positions));
                    failures = 0;
                } catch (SQLException e) {
                    // Nothing of the batch was landed: read it again from the landed positions.
                    failures++;
                    long backoff = Math.min(30_000L, 500L << Math.min(failures, 6));
                    log.warn("Landing a batch failed ({}); retrying in {} ms", e.getMessage(), backoff);
                    rewindToLanded();
                    sleepQuietly(backoff);
                }
                batch = new BatchBuilder();
                batchStart = System.nanoTime();
            } else if (!moved) {
                batchStart = now;
            }
        }
    }

    private void pauseWhileTooMuchIsHeld() {
        boolean tooMuch = gate.heldCount() > MAX_HELD_RECORDS;
        if (tooMuch == consumer.paused().isEmpty()) {
            List<TopicPartition> rowPartitions = new ArrayList<>();
            for (TopicPartition tp : consumer.assignment()) {
                if (!Topics.REPLAY_PROGRESS.equals(tp.topic())) {
                    rowPartitions.add(tp);
                }
            }
            if (tooMuch) {
                log.info("Loader holds {} rows whose progress record is not read yet; pausing their topics",
                        gate.heldCount());
                consumer.pause(rowPartitions);
            } else {
                consumer.resume(rowPartitions);
            }
        }
    }

    /** Warns about rows held although every progress record committed so far has been read. */
    private void watchHeldRows() {
        long now = System.nanoTime();
        if (now - nextHeldCheck < 0) {
            return;
        }
        nextHeldCheck = now + HELD_CHECK_NANOS;
        Map<TopicPartition, Long> firstHeld = gate.firstHeld();
        boolean progressReadToEnd = !firstHeld.isEmpty() && progressReadToEnd();
        for (TopicPartition tp : heldRowsWatch.stalled(now, firstHeld, progressReadToEnd)) {
            log.warn("Rows on {} from offset {} are marked as counted by a replay, but no record on {} counts them"
                            + " and that topic is read to its end: they stay unlanded (the lag shows them) until one"
                            + " does. Were they copied from another cluster without its progress topic?",
                    tp, firstHeld.get(tp), Topics.REPLAY_PROGRESS);
        }
    }

    private boolean progressReadToEnd() {
        List<TopicPartition> progress = new ArrayList<>();
        for (TopicPartition tp : consumer.assignment()) {
            if (Topics.REPLAY_PROGRESS.equals(tp.topic())) {
                progress.add(tp);
            }
        }
        for (Map.Entry<TopicPartition, Long> end : consumer.endOffsets(progress).entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void rewindToLanded() {
        gate.reset();
        consumer.resume(consumer.paused());
        LandedPositions.rewind(consumer, stats.landed());
    }

    private void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }

    private Map<TopicPartition, Long> currentPositions() {
        Map<TopicPartition, Long> positions = new LinkedHashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
            Long held = gate.firstHeld(tp);
            positions.put(tp, held != null ? held : consumer.position(tp));
        }
        return positions;
    }

    private long measureLag(Map<TopicPartition, Long> positions) {
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> e : consumer.endOffsets(positions.keySet()).entrySet()) {
            lag += Math.max(0, e.getValue() - positions.get(e.getKey()));
        }
        return lag;
    }

    private void land(BatchBuilder batch, Map<TopicPartition, Long> positions, Long lag) throws SQLException {
        List<RawBatch.Position> after = new ArrayList<>();
        positions.forEach((tp, offset) -> after.add(new RawBatch.Position(tp.topic(), tp.partition(), offset)));
        RawBatch raw = batch.build(after, gate.moved(), lag);
        long started = System.nanoTime();
        warehouse.land(CONSUMER, raw);
        gate.markLanded();
        stats.recordBatch(raw, positions, lag, batch.newestAppendMillis);
        if (log.isDebugEnabled()) {
            log.debug("Landed {} events, {} quarantined in {} ms", raw.events().size(), raw.quarantined().size(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** True when every partition has been landed up to at least the given offsets. */
    public boolean caughtUpWith(Map<TopicPartition, Long> endOffsets) {
        Map<TopicPartition, Long> landed = stats.landed();
        for (Map.Entry<TopicPartition, Long> e : endOffsets.entrySet()) {
            if (landed.getOrDefault(e.getKey(), 0L) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Stops after the batch in hand; what is landed stays landed. */
    public void stop() {
        stopping = true;
        consumer.wakeup();
    }

    @Override
    public void close() {
        stop();
    }

    /** Closes the Kafka consumer of a loader that never ran: {@link #run} closes it as it ends (closing twice does nothing). */
    public void closeConsumer() {
        consumer.close(Duration.ofSeconds(5));
    }

    /** Collects one batch's records, turning unreadable ones into quarantine rows. */
    private static final class BatchBuilder {
        private final List<RawBatch.Event> events = new ArrayList<>();
        private final List<RawBatch.Quarantined> quarantined = new ArrayList<>();
        private final Map<String, ReplayProgress> progress = new LinkedHashMap<>();
        private long newestAppendMillis;

        /** Adds the record; returns the progress it holds, or null when it is not a readable progress record. */
        ReplayProgress add(ConsumerRecord<byte[], byte[]> r) {
            if (!Topics.RAW.equals(r.topic())) {
                // Raw records carry their event time as the Kafka timestamp (for Flink's rowtime);
                // the progress record that ends each replay transaction is stamped when written.
                newestAppendMillis = Math.max(newestAppendMillis, r.timestamp());
            }
            try {
                switch (r.topic()) {
                    case Topics.RAW -> {
                        RawEvent e = RawEventJson.read(r.value());
                        events.add(new RawBatch.Event(e, EventIdentity.of(e), r.partition(), r.offset()));
                    }
                    case Topics.QUARANTINE -> quarantined.add(new RawBatch.Quarantined(
                            QuarantineRecord.fromJson(r.value()), r.topic(), r.partition(), r.offset()));
                    case Topics.REPLAY_PROGRESS -> {
                        ReplayProgress p = ReplayProgress.fromJson(r.value());
                        progress.put(p.source(), p); // the latest of a batch is all that matters
                        return p;
                    }
                    default -> throw new IllegalArgumentException("unexpected topic " + r.topic());
                }
            } catch (IllegalArgumentException | NullPointerException e) {
                // Someone else's record on our topics: kept with its reason, never fatal.
                if (Topics.REPLAY_PROGRESS.equals(r.topic())) {
                    // The rows it would have counted wait for the input's next progress record.
                    log.warn("Unreadable progress record at offset {} quarantined: {}", r.offset(), e.getMessage());
                }
                String text = r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8);
                if (text != null && text.length() > 1024) {
                    text = text.substring(0, 1024) + "...";
                }
                quarantined.add(new RawBatch.Quarantined(new QuarantineRecord("kafka:" + r.topic(),
                        r.offset(), 0, QuarantineReason.BAD_RECORD.wireName(), String.valueOf(e.getMessage()), text),
                        r.topic(), r.partition(), r.offset()));
            }
            return null;
        }

        int size() {
            return events.size() + quarantined.size() + progress.size();
        }

        RawBatch build(List<RawBatch.Position> positions, List<RawBatch.RowCount> rowCounts, Long lag) {
            return new RawBatch(events, quarantined, new ArrayList<>(progress.values()), positions, rowCounts, lag);
        }
    }
}
