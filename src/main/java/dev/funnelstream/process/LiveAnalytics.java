package dev.funnelstream.process;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.table.api.TableResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The live-analytics job inside a run: submitted to the local MiniCluster (or wherever the Flink
 * environment points). An unbounded job resumes from the newest checkpoint and is cancelled on close
 * with its last checkpoint kept for the next run; a bounded one (a drain) always starts afresh.
 */
public final class LiveAnalytics implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveAnalytics.class);
    /**
     * The live job's checkpoints, named by the job's layout: a new name whenever a change of
     * operators means an older checkpoint cannot be restored (v2: the raw topic read by a Java source;
     * v3: exact repeats dropped per minute, not per event; v4: none of the operators changed, but the
     * processed layer moved to its own file and starts empty, so the job must recompute it).
     */
    private static final String LIVE_CHECKPOINTS = "checkpoints-live-v4";
    private static final List<String> OLDER_LIVE_CHECKPOINTS =
            List.of("checkpoints-live", "checkpoints-live-v2", "checkpoints-live-v3");

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
     * @param flinkDir the data dir's flink directory; checkpoints go under it, one folder per mode
     */
    public static LiveAnalytics start(JobSettings settings, Path flinkDir) {
        Path dir = flinkDir.resolve(settings.bounded() ? "checkpoints-drain" : LIVE_CHECKPOINTS);
        for (String older : settings.bounded() ? List.<String>of() : OLDER_LIVE_CHECKPOINTS) {
            if (Files.isDirectory(flinkDir.resolve(older))) {
                // Their operators no longer match the job's; the aggregates are upserts by key, so
                // recomputing them from the start of the raw topic ends in the same processed tables.
                log.info("Checkpoints of an older layout of the job in {} are not used; the live aggregates are"
                        + " recomputed from the start of the raw topic", flinkDir.resolve(older));
                Checkpoints.deleteAll(flinkDir.resolve(older));
            }
        }
        if (settings.bounded()) {
            // A bounded job restored from a checkpoint can wait forever at the transaction marker
            // that ends the raw topic (its restored splits never see a record at their stopping
            // offset). A drain therefore always starts from the beginning; the aggregates are
            // upserts by key, so recomputing them ends in the same processed tables.
            Checkpoints.deleteAll(dir);
        }
        String restore = Checkpoints.latest(dir).map(Path::toString).orElse(null);
        long started = System.nanoTime();
        TableResult result = FunnelJob.submit(new JobSettings(settings.bootstrapServers(), settings.kafkaProperties(),
                settings.watermarkDelay(), settings.dedupRetention(), settings.sessionRetention(),
                settings.checkpointInterval(), dir.toUri().toString(), settings.parallelism(),
                settings.emitInterval(), settings.bounded()), restore);
        log.info("Live analytics job {} ({}) submitted in {} ms{}", result.getJobClient().map(JobClient::getJobID)
                        .orElse(null), settings.bounded() ? "bounded" : "unbounded",
                (System.nanoTime() - started) / 1_000_000, restore == null ? "" : ", resuming from " + restore);
        return new LiveAnalytics(dir, settings.bounded(), result);
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

    /** Seconds since the newest completed checkpoint was written; empty before the first. */
    public OptionalDouble checkpointAgeSeconds() {
        return Checkpoints.latest(checkpointDir)
                .map(p -> p.resolve("_metadata").toFile().lastModified())
                .filter(modified -> modified > 0)
                .map(modified -> OptionalDouble.of(Math.max(0, System.currentTimeMillis() - modified) / 1000.0))
                .orElse(OptionalDouble.empty());
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
