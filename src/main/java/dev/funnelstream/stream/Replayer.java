package dev.funnelstream.stream;

import dev.funnelstream.read.InputFileException;
import dev.funnelstream.read.RawRow;
import dev.funnelstream.read.RowSource;
import dev.funnelstream.validate.EventValidator;
import dev.funnelstream.validate.RawEvent;
import dev.funnelstream.validate.Validation;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Replays inputs into Kafka like a live shop: each row is validated, valid events go to
 * {@link Topics#RAW} keyed by session, the rest to {@link Topics#QUARANTINE}. Rows are sent in
 * Kafka transactions that also carry the input's progress, so stopping at any moment and starting
 * again sends every row exactly once.
 */
public final class Replayer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Replayer.class);
    /** A paced replay commits this often, so events reach read_committed consumers promptly. */
    private static final long PACED_COMMIT_NANOS = 100_000_000L;
    /** At max speed fewer, larger transactions keep the per-transaction cost small. */
    private static final long MAX_SPEED_COMMIT_NANOS = 1_000_000_000L;
    private static final int COMMIT_MAX_ROWS = 50_000;
    /** Marks a row as counted by the progress records (see {@link Topics#COUNTED_HEADER}). */
    private static final List<Header> COUNTED = List.of(new RecordHeader(Topics.COUNTED_HEADER, new byte[0]));

    private final KafkaSettings kafka;
    private final String transactionalId;
    private final Speed speed;
    private final long samplePerDay;
    private final ReplayStats stats;
    private final Consumer<String> inputErrors;
    private final AtomicReference<Exception> sendFailure = new AtomicReference<>();
    private volatile boolean stopping;

    private KafkaProducer<byte[], byte[]> producer;
    private boolean inTransaction;
    private long transactionStartNanos;
    private final SentRows sent = new SentRows();
    private int rawPartitions;
    private int quarantinePartitions;
    /** The progress the rows sent so far bring the current input to. */
    private ReplayProgress current;

    /**
     * @param inputErrors receives a one-line message for each input that stops early
     */
    public Replayer(KafkaSettings kafka, String transactionalId, Speed speed, long samplePerDay,
                    ReplayStats stats, Consumer<String> inputErrors) {
        this.kafka = kafka;
        this.transactionalId = transactionalId;
        this.speed = speed;
        this.samplePerDay = samplePerDay;
        this.stats = stats;
        this.inputErrors = inputErrors;
    }

    /** The replay's producer settings: transactional, byte-array keys and values (kafka-floor bench uses them too). */
    public static Map<String, Object> producerSettings(String transactionalId) {
        return Map.of(
                "key.serializer", ByteArraySerializer.class.getName(),
                "value.serializer", ByteArraySerializer.class.getName(),
                "transactional.id", transactionalId,
                "enable.idempotence", "true",
                "acks", "all",
                "compression.type", "lz4",
                "linger.ms", "10",
                "batch.size", String.valueOf(256 * 1024),
                // The first sends of a transaction are refused (CONCURRENT_TRANSACTIONS) while the
                // previous one's markers are written; retry soon rather than after 100 ms.
                "retry.backoff.ms", "10");
    }

    /**
     * Replays the inputs in order, each from where an earlier replay left it.
     *
     * @return true when every input was read to its end without error
     */
    public boolean replay(List<? extends ReplayInput> inputs) throws InterruptedException {
        producer = new KafkaProducer<>(kafka.clientConfig(producerSettings(transactionalId)));
        // Fences off a crashed earlier replayer and aborts its open transaction.
        producer.initTransactions();
        rawPartitions = producer.partitionsFor(Topics.RAW).size();
        quarantinePartitions = producer.partitionsFor(Topics.QUARANTINE).size();
        Map<String, ReplayProgress> done = ReplayProgressStore.readAll(kafka);
        announceSize(inputs, done);
        boolean allComplete = true;
        try {
            for (ReplayInput input : inputs) {
                if (stopping) {
                    return false;
                }
                ReplayProgress progress = done.getOrDefault(input.name(), ReplayProgress.start(input.name()));
                if (progress.complete()) {
                    log.info("{}: already replayed ({} rows){}", input.name(), progress.replayed(),
                            progress.error() == null ? "" : ", stopped early: " + progress.error());
                    allComplete &= progress.error() == null;
                    continue;
                }
                allComplete &= replayOne(input, progress);
            }
        } finally {
            stats.markFinished();
        }
        return allComplete && !stopping;
    }

    private boolean replayOne(ReplayInput input, ReplayProgress resumeFrom) throws InterruptedException {
        stats.currentSource.set(input.name());
        DaySampler sampler = new DaySampler(samplePerDay);
        Pacer pacer = new Pacer(speed, this::sleepCommitted);
        long resumeAfter = resumeFrom.position();
        sent.startFrom(resumeFrom.rows());
        current = new ReplayProgress(input.name(), 0, resumeFrom.replayed(), resumeFrom.skipped(), false, null);
        if (resumeAfter > 0) {
            log.info("{}: resuming after row {}", input.name(), resumeAfter);
        }
        try (RowSource source = input.open()) {
            stats.reading(source);
            RawRow row;
            while (!stopping && (row = source.next()) != null) {
                boolean resumed = current.position() < resumeAfter;
                if (resumed && samplePerDay <= 0) {
                    current = advance(0, 0); // sent by an earlier replay
                    continue;
                }
                Validation v = EventValidator.validate(row);
                RawEvent event = v instanceof Validation.Valid valid ? valid.event() : null;
                boolean take = sampler.take(event == null ? null : event.eventTime());
                if (resumed) {
                    // Sent by an earlier replay; read only to rebuild the sampler's state.
                    current = advance(0, 0);
                    continue;
                }
                if (!take) {
                    stats.skipped.incrementAndGet();
                    current = advance(0, 1);
                    continue;
                }
                if (event != null) {
                    pacer.await(event.eventTime()); // may commit `current`, which excludes this row
                }
                beginIfNeeded();
                send(row, v, event);
                current = advance(1, 0);
                if (transactionDue()) {
                    commit();
                }
            }
            boolean complete = !stopping;
            stats.reading(null);
            stats.bytesFinished.addAndGet(Math.max(0, input.sizeBytes()));
            current = new ReplayProgress(input.name(), current.position(), current.replayed(),
                    current.skipped(), complete, null);
            beginIfNeeded();
            commit();
            if (complete) {
                log.info("{}: replayed {} rows{}", input.name(), current.replayed(),
                        current.skipped() > 0 ? " (" + current.skipped() + " skipped by sampling)" : "");
            }
            return complete;
        } catch (InputFileException e) {
            stats.reading(null);
            stats.bytesFinished.addAndGet(Math.max(0, input.sizeBytes()));
            // The rows sent before the failure stand; the input is marked stopped, with its reason,
            // but not complete: a later replay reads it again and goes on after the rows sent (a
            // truncated file replaced by the whole one lands the rest; one still cut stops again).
            current = new ReplayProgress(input.name(), current.position(), current.replayed(),
                    current.skipped(), false, e.getMessage());
            beginIfNeeded();
            commit();
            inputErrors.accept(e.getMessage());
            return false;
        }
    }

    /** Tells the progress display how much there is to do: bytes of files, or rows of the shop. */
    private void announceSize(List<? extends ReplayInput> inputs, Map<String, ReplayProgress> done) {
        long bytes = 0;
        long rows = 0;
        long resumed = 0;
        for (ReplayInput input : inputs) {
            ReplayProgress before = done.get(input.name());
            if (before != null && before.complete()) {
                continue;
            }
            resumed += before == null ? 0 : before.position();
            bytes = bytes < 0 || input.sizeBytes() < 0 ? -1 : bytes + input.sizeBytes();
            rows = rows < 0 || input.expectedRows() < 0 ? -1 : rows + input.expectedRows();
        }
        stats.bytesTotal.set(bytes);
        stats.expectedRows.set(rows);
        stats.resumedRows.set(resumed);
        stats.markSized();
    }

    private ReplayProgress advance(long replayedRows, long skippedRows) {
        return new ReplayProgress(current.source(), current.position() + 1, current.replayed() + replayedRows,
                current.skipped() + skippedRows, false, null);
    }

    private void send(RawRow row, Validation v, RawEvent event) {
        if (event != null) {
            byte[] key = event.userSession() != null
                    ? event.userSession().getBytes(StandardCharsets.UTF_8)
                    : ("user:" + event.userId()).getBytes(StandardCharsets.UTF_8);
            int partition = SentRows.partitionFor(key, rawPartitions);
            producer.send(new ProducerRecord<>(Topics.RAW, partition, event.eventTime().toEpochMilli(), key,
                    RawEventJson.write(event), COUNTED), callback);
            sent.add(Topics.RAW, partition);
            stats.events.incrementAndGet();
            stats.clockMillis.set(event.eventTime().toEpochMilli());
        } else {
            Validation.Rejected r = (Validation.Rejected) v;
            QuarantineRecord q = new QuarantineRecord(row.source(), row.row(), row.line(),
                    r.reason().wireName(), r.detail(), row.rawLine());
            byte[] key = row.source().getBytes(StandardCharsets.UTF_8);
            int partition = SentRows.partitionFor(key, quarantinePartitions);
            producer.send(new ProducerRecord<>(Topics.QUARANTINE, partition, null, key, q.toJson(), COUNTED), callback);
            sent.add(Topics.QUARANTINE, partition);
            stats.quarantined.incrementAndGet();
        }
        stats.replayed.incrementAndGet();
    }

    private final Callback callback = (metadata, exception) -> {
        if (exception != null) {
            sendFailure.compareAndSet(null, exception);
        }
    };

    private void beginIfNeeded() {
        if (!inTransaction) {
            producer.beginTransaction();
            inTransaction = true;
            transactionStartNanos = System.nanoTime();
        }
    }

    private boolean transactionDue() {
        return sent.inTransaction() >= COMMIT_MAX_ROWS
                || System.nanoTime() - transactionStartNanos
                >= (speed.isMax() ? MAX_SPEED_COMMIT_NANOS : PACED_COMMIT_NANOS);
    }

    /**
     * Commits the open transaction together with the progress it brings the input to, which also
     * carries the input's running totals of rows per partition (the loader lands rows only as far
     * as counted).
     */
    private void commit() {
        producer.send(new ProducerRecord<>(Topics.REPLAY_PROGRESS, current.source().getBytes(StandardCharsets.UTF_8),
                current.withRows(sent.totals()).toJson()), callback);
        try {
            producer.flush();
            Exception failed = sendFailure.get();
            if (failed != null) {
                producer.abortTransaction();
                throw new ReplayFailedException("a send to Kafka failed: " + failed.getMessage(), failed);
            }
            producer.commitTransaction();
            sent.transactionCommitted();
        } catch (KafkaException e) {
            throw new ReplayFailedException("Kafka refused the replay's transaction: " + e.getMessage(), e);
        } finally {
            inTransaction = false;
        }
    }

    /**
     * Before waiting for the next event's time, commits what is open if the transaction would
     * otherwise stay open past the paced commit interval, so consumers see it by then. Not before
     * every short wait: at thousands of events a second the replay waits a millisecond every few
     * events, and a commit each time cost more than everything else the replay does.
     */
    private void sleepCommitted(long nanos) throws InterruptedException {
        if (inTransaction && sent.inTransaction() > 0
                && System.nanoTime() + nanos - transactionStartNanos >= PACED_COMMIT_NANOS) {
            commit();
        }
        // Sleep in short steps so that a stop request does not wait for a long gap in shop time.
        long until = System.nanoTime() + nanos;
        long left;
        while (!stopping && (left = until - System.nanoTime()) > 0) {
            Thread.sleep(Math.min(100, Math.max(1, left / 1_000_000L)));
        }
    }

    /** Asks a running replay to stop after committing what it has sent. */
    public void stop() {
        stopping = true;
    }

    @Override
    public void close() {
        stopping = true;
        if (producer != null) {
            producer.close();
        }
    }
}
