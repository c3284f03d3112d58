package dev.funnelstream.process;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.table.api.TableResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The live-analytics job inside a run: submitted to the local MiniCluster (or wherever the Flink
 * environment points), resumed from the newest checkpoint of the same mode, cancelled on close with
 * its last checkpoint kept for the next run.
 */
public final class LiveAnalytics implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveAnalytics.class);
    /** A drain job's checkpoints only fit a raw topic that ends where it ended; this file says where. */
    private static final String DRAIN_END = "raw-end-offsets.txt";

    private final Path checkpointDir;
    private final boolean bounded;
    private final TableResult result;
    private final JobClient client;
    private volatile boolean finished;

    private LiveAnalytics(Path checkpointDir, boolean bounded, TableResult result) {
        this.checkpointDir = checkpointDir;
        this.bounded = bounded;
        this.result = result;
        this.client = result.getJobClient().orElseThrow();
    }

    /**
     * Starts the job.
     *
     * @param flinkDir    the data dir's flink directory; checkpoints go under it, one folder per mode
     * @param rawEnd      for a bounded job, a description of the raw topic's end offsets; its
     *                    checkpoints are reused only when the topic still ends there
     */
    public static LiveAnalytics start(JobSettings settings, Path flinkDir, String rawEnd) {
        Path dir = flinkDir.resolve(settings.bounded() ? "checkpoints-drain" : "checkpoints-live");
        if (settings.bounded()) {
            prepareDrainDir(dir, rawEnd);
        }
        String restore = Checkpoints.latest(dir).map(Path::toString).orElse(null);
        long started = System.nanoTime();
        TableResult result = FunnelJob.submit(new JobSettings(settings.bootstrapServers(), settings.kafkaProperties(),
                settings.watermarkDelay(), settings.dedupRetention(), settings.sessionRetention(),
                settings.checkpointInterval(), dir.toUri().toString(), settings.parallelism(),
                settings.emitInterval(), settings.minuteStateTtl(), settings.bounded()), restore);
        log.info("Live analytics job {} ({}) submitted in {} ms{}", result.getJobClient().map(JobClient::getJobID)
                        .orElse(null), settings.bounded() ? "bounded" : "unbounded",
                (System.nanoTime() - started) / 1_000_000, restore == null ? "" : ", resuming from " + restore);
        return new LiveAnalytics(dir, settings.bounded(), result);
    }

    private static void prepareDrainDir(Path dir, String rawEnd) {
        try {
            Path marker = dir.resolve(DRAIN_END);
            if (Files.exists(marker) && !Files.readString(marker).equals(rawEnd)) {
                // Its splits would stop at the old end: start over (upserts make that safe).
                Checkpoints.deleteAll(dir);
            }
            Files.createDirectories(dir);
            Files.writeString(marker, rawEnd);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for a bounded job to finish; its checkpoints are then of no further use. */
    public void awaitFinished() throws InterruptedException {
        if (!bounded) {
            throw new IllegalStateException("an unbounded job does not finish");
        }
        try {
            result.await();
        } catch (ExecutionException e) {
            throw new IllegalStateException("live analytics job failed: " + rootMessage(e), e);
        }
        finished = true;
        Checkpoints.deleteAll(checkpointDir);
    }

    /** The job's state as Flink reports it, e.g. RUNNING or FAILED; UNKNOWN if it cannot be asked. */
    public String state() {
        if (finished) {
            return "FINISHED"; // the local cluster is gone with the job; nothing to ask
        }
        try {
            return client.getJobStatus().get(2, TimeUnit.SECONDS).name();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "UNKNOWN";
        } catch (ExecutionException | TimeoutException e) {
            return "UNKNOWN";
        }
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** Cancels a running job; its last checkpoint stays for the next run. */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        try {
            if (!client.getJobStatus().get(5, TimeUnit.SECONDS).isGloballyTerminalState()) {
                client.cancel().get(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.warn("Stopping the live analytics job: {}", e.toString());
        }
    }
}
