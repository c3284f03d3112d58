package dev.funnelstream.app;

import dev.funnelstream.land.AggregateLoader;
import dev.funnelstream.land.Loader;
import dev.funnelstream.process.JobMode;
import dev.funnelstream.process.JobSettings;
import dev.funnelstream.process.LiveAnalytics;
import dev.funnelstream.report.ReportService;
import dev.funnelstream.serve.ControlServer;
import dev.funnelstream.serve.DashboardService;
import dev.funnelstream.serve.LiveFeed;
import dev.funnelstream.status.Status;
import dev.funnelstream.status.StatusQuery;
import dev.funnelstream.stream.EmbeddedKafka;
import dev.funnelstream.stream.KafkaSettings;
import dev.funnelstream.stream.KafkaUnavailableException;
import dev.funnelstream.stream.ReplayInput;
import dev.funnelstream.stream.ReplayStats;
import dev.funnelstream.stream.Replayer;
import dev.funnelstream.stream.Speed;
import dev.funnelstream.stream.Topics;
import dev.funnelstream.transform.TransformSchedule;
import dev.funnelstream.warehouse.DuckDbWarehouse;
import dev.funnelstream.warehouse.Warehouse;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The whole pipeline in one process, wired by hand: data dir, warehouse, Kafka (embedded or
 * external), the loader, the HTTP server and the replay. Closing it stops them in reverse order.
 */
public final class Funnelstream implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Funnelstream.class);
    /** How often the reporting layer catches up with the landed events during a run. */
    private static final Duration TRANSFORM_INTERVAL = Duration.ofSeconds(30);

    private final RunSettings settings;
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final ReplayStats replayStats = new ReplayStats();
    private final Consumer<String> inputErrors;
    private KafkaSettings kafka;
    private Warehouse warehouse;
    private Loader loader;
    private Thread loaderThread;
    private AggregateLoader aggregateLoader;
    private Thread aggregateLoaderThread;
    private volatile LiveAnalytics analytics;
    private java.nio.file.Path flinkDir;
    private Replayer replayer;
    private Thread replayThread;
    private ControlServer server;
    private TransformSchedule transforms;
    private long replayStartedNanos;
    private volatile Boolean replayComplete;
    private volatile Throwable replayFailure;

    private Funnelstream(RunSettings settings, Consumer<String> inputErrors) {
        this.settings = settings;
        this.inputErrors = inputErrors;
    }

    /** Starts every component; on failure, whatever started is closed again. */
    public static Funnelstream start(RunSettings settings, Consumer<String> inputErrors) {
        Funnelstream app = new Funnelstream(settings, inputErrors);
        try {
            app.startComponents();
            return app;
        } catch (SQLException e) {
            app.close();
            throw new IllegalStateException("warehouse: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    private void startComponents() throws SQLException {
        DataDir dataDir = DataDir.acquire(settings.dataDir());
        resources.push(dataDir);
        ControlServer.checkUsable(settings.server());
        DuckDbWarehouse duckDb = DuckDbWarehouse.open(dataDir.warehouseFile());
        warehouse = duckDb;
        resources.push(warehouse);
        if (settings.jobMode() == JobMode.LIVE) {
            // The live layer comes first: the reporting transforms every 30 s, on both cores, held
            // its landing up for seconds (p99 freshness 4.4 s at 10,000 events/s; 1.7 s on one).
            duckDb.limitThreads(1);
        }
        if (settings.kafka() == null) {
            EmbeddedKafka embedded = EmbeddedKafka.start(dataDir.kafkaLogDir());
            resources.push(embedded);
            kafka = new KafkaSettings(embedded.bootstrapServers(), Map.of());
        } else {
            kafka = settings.kafka();
        }
        try (Admin admin = Admin.create(kafka.clientConfig(Map.of("default.api.timeout.ms", "30000")))) {
            Topics.ensure(admin, settings.rawPartitions());
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new KafkaUnavailableException("cannot reach Kafka at " + kafka.bootstrapServers() + ": "
                    + e.getMessage(), e);
        }
        loader = new Loader(kafka, warehouse);
        loaderThread = new Thread(loader, "loader");
        loaderThread.start();
        resources.push(this::stopLoader);
        aggregateLoader = new AggregateLoader(kafka, warehouse);
        aggregateLoaderThread = new Thread(aggregateLoader, "aggregate-loader");
        aggregateLoaderThread.start();
        resources.push(this::stopAggregateLoader);
        flinkDir = dataDir.root().resolve("flink");
        transforms = TransformSchedule.start(warehouse, TRANSFORM_INTERVAL);
        resources.push(transforms);
        ReportService reports = new ReportService(warehouse, true);
        server = ControlServer.start(settings.server(), this::status, this::health, reports,
                new DashboardService(warehouse, reports, new RunFeed()));
        resources.push(server);
        dataDir.publishRun(settings.host(), server.port());
        // After the server: Flink takes 10-30 s to start, and status and reports answer meanwhile.
        if (settings.jobMode() == JobMode.LIVE) {
            analytics = LiveAnalytics.start(jobSettings(false), flinkDir);
            resources.push(analytics);
        }
        if (settings.inputs().isEmpty()) {
            // The scheduled pipeline replays its segments itself, one at a time.
            replayComplete = true;
            replayStats.markFinished();
            return;
        }
        replayer = new Replayer(kafka, settings.transactionalId(), settings.speed(), settings.samplePerDay(),
                replayStats, inputErrors);
        replayThread = new Thread(this::replay, "replay");
        replayStartedNanos = System.nanoTime();
        replayThread.start();
        resources.push(this::stopReplay);
    }

    private JobSettings jobSettings(boolean bounded) {
        return JobSettings.defaults(kafka.bootstrapServers(), kafka.clientProperties(), "", bounded)
                .withWatermarkDelay(settings.watermarkDelay())
                .withCheckpointInterval(settings.checkpointInterval());
    }

    private void replay() {
        try {
            replayComplete = replayer.replay(settings.inputs());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            replayComplete = false;
        } catch (Throwable t) {
            replayFailure = t;
            replayComplete = false;
            log.error("Replay stopped: {}", t.getMessage(), t);
        }
    }

    /** The status as read from the warehouse, with the live loader's lag. */
    public Status status() throws SQLException {
        try (Connection c = warehouse.connect()) {
            return StatusQuery.read(c, loader.stats().lag(), true);
        }
    }

    private Map<String, String> health() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("kafka", "up (" + (settings.kafka() == null ? "embedded" : "external") + ")");
        h.put("warehouse", "up");
        h.put("loader", loader.failure() == null ? "up" : "down: " + loader.failure().getMessage());
        h.put("aggregate-loader", aggregateLoader.failure() == null ? "up"
                : "down: " + aggregateLoader.failure().getMessage());
        if (analytics != null) {
            String state = analytics.state();
            h.put("flink", state.equals("RUNNING") || state.equals("FINISHED") || state.equals("CREATED")
                    ? "up (" + state.toLowerCase(java.util.Locale.ROOT) + ")" : "down: job " + state.toLowerCase(java.util.Locale.ROOT));
        } else {
            h.put("flink", switch (settings.jobMode()) {
                case OFF -> "up (off)";
                case LIVE -> "up (starting)";
                case DRAIN -> "up (waiting for the replay to end)";
            });
        }
        h.put("replay", replayFailure != null ? "down: " + replayFailure.getMessage()
                : replayStats.finished() ? "up (finished)" : "up (replaying)");
        return h;
    }

    /** What this run tells the dashboard beyond the warehouse. */
    private final class RunFeed implements LiveFeed {
        @Override
        public boolean streaming() {
            return !replayStats.finished();
        }

        @Override
        public long recordsLanded() {
            return loader.stats().records.get();
        }

        @Override
        public Long loaderLag() {
            return loader.stats().lag();
        }

        @Override
        public Double freshnessSeconds() {
            return loader.stats().freshnessSeconds(System.currentTimeMillis());
        }

        @Override
        public Double checkpointAgeSeconds() {
            LiveAnalytics job = analytics;
            if (job == null) {
                return null;
            }
            OptionalDouble age = job.checkpointAgeSeconds();
            return age.isPresent() ? age.getAsDouble() : null;
        }
    }

    public ReplayStats replayStats() {
        return replayStats;
    }

    public Loader loader() {
        return loader;
    }

    public int httpPort() {
        return server.port();
    }

    public String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    /**
     * Waits until the replay has ended and the loader has landed everything on Kafka, then brings
     * the reporting layer up to date; in a drain, the bounded job's results are landed too.
     *
     * @return true when every input was replayed in full
     */
    public boolean awaitDrained() throws InterruptedException {
        if (replayThread != null) {
            replayThread.join();
        }
        if (replayFailure != null) {
            throw new IllegalStateException("replay failed: " + replayFailure.getMessage(), replayFailure);
        }
        Map<TopicPartition, Long> end = endOffsets(Topics.LANDED);
        // The bounded job reads the raw topic, whose end is now known, not the warehouse: it starts
        // while the loader catches up, and the transforms (raw.events only) run while it computes.
        long jobStarted = 0;
        if (settings.jobMode() == JobMode.DRAIN) {
            analytics = LiveAnalytics.start(jobSettings(true), flinkDir);
            resources.push(analytics);
            jobStarted = System.nanoTime();
        }
        awaitLanded(end);
        if (replayThread != null) {
            // The ingest benchmark's figure: from the first row read to the last one in the raw layer.
            log.info("Raw layer landed: every record of the replay, {} s after it started",
                    String.format(Locale.ROOT, "%.1f", (System.nanoTime() - replayStartedNanos) / 1e9));
        }
        try {
            transforms.runNow();
        } catch (SQLException e) {
            throw new IllegalStateException("transforms failed: " + e.getMessage(), e);
        }
        if (settings.jobMode() == JobMode.DRAIN) {
            awaitAnalyticsLanded(jobStarted);
        }
        return Boolean.TRUE.equals(replayComplete);
    }

    /** Waits until the bounded job has finished and its final results are landed in the processed layer. */
    private void awaitAnalyticsLanded(long started) throws InterruptedException {
        analytics.awaitFinished();
        log.info("Live analytics job finished in {} ms", (System.nanoTime() - started) / 1_000_000);
        Map<TopicPartition, Long> aggregatesEnd = endOffsets(Topics.AGGREGATES);
        while (!aggregateLoader.caughtUpWith(aggregatesEnd)) {
            if (aggregateLoader.failure() != null) {
                throw new IllegalStateException("aggregate loader failed: " + aggregateLoader.failure().getMessage(),
                        aggregateLoader.failure());
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        log.info("Its {} aggregate records landed {} ms after it started",
                aggregatesEnd.values().stream().mapToLong(Long::longValue).sum(), (System.nanoTime() - started) / 1_000_000);
    }

    /** The end of every partition of the topics, once everything written to it so far is counted. */
    private Map<TopicPartition, Long> endOffsets(Collection<String> topics) {
        try (Admin admin = Admin.create(kafka.clientConfig(Map.of()))) {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (TopicDescription d : admin.describeTopics(topics).allTopicNames().get().values()) {
                d.partitions().forEach(p -> request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, Long> end = new HashMap<>();
            // The high watermark, not the last stable offset: commitTransaction() returns before the
            // commit markers are written, so right after a replay the stable offset can still sit
            // before its last transaction. Every record below the high watermark is written; the
            // loader (read_committed) passes it once the markers are there.
            admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all().get()
                    .forEach((tp, info) -> end.put(tp, info.offset()));
            return end;
        } catch (ExecutionException e) {
            throw new KafkaUnavailableException("cannot read end offsets: " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while reading end offsets", e);
        }
    }

    private void stopReplay() throws InterruptedException {
        // A graceful stop commits what was sent; an interrupt is the fallback for a stuck send.
        replayer.stop();
        replayThread.join(Duration.ofSeconds(10).toMillis());
        if (replayThread.isAlive()) {
            replayThread.interrupt();
            replayThread.join(Duration.ofSeconds(10).toMillis());
        }
        replayer.close();
    }

    /** Each loader closes its own consumer as its thread ends. */
    private void stopAggregateLoader() throws InterruptedException {
        aggregateLoader.stop();
        awaitEnd(aggregateLoaderThread);
    }

    private void stopLoader() throws InterruptedException {
        loader.stop();
        awaitEnd(loaderThread);
    }

    private static void awaitEnd(Thread thread) throws InterruptedException {
        thread.join(Duration.ofSeconds(30).toMillis());
        if (thread.isAlive()) {
            log.warn("{} has not stopped after 30 s; it stops after the batch in hand", thread.getName());
        }
    }

    /**
     * Replays one input (a month segment of the scheduled pipeline) in the caller's thread and
     * waits until the loader has landed every record of it, judged by Kafka offsets.
     *
     * @return the rows of the input put on Kafka by this and earlier attempts
     */
    public long replayAndLand(ReplayInput input, Speed speed, long samplePerDay) throws InterruptedException {
        ReplayStats stats = new ReplayStats();
        List<String> errors = new ArrayList<>();
        try (Replayer segmentReplay = new Replayer(kafka, settings.transactionalId(), speed, samplePerDay, stats,
                errors::add)) {
            segmentReplay.replay(List.of(input));
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException(errors.get(0));
        }
        awaitLanded(endOffsets(Topics.LANDED));
        try (Connection c = warehouse.connect()) {
            return StatusQuery.sources(c).stream()
                    .filter(s -> s.source().equals(input.name()))
                    .mapToLong(Status.Source::replayed).sum();
        } catch (SQLException e) {
            throw new IllegalStateException("warehouse: " + e.getMessage(), e);
        }
    }

    /** Runs the reporting transforms now; returns the rows they wrote. */
    public long runTransforms() throws SQLException {
        return transforms.runNow().rowsWritten();
    }

    /** A warehouse connection for reads and the pipeline's own bookkeeping; the caller closes it. */
    public Connection connect() throws SQLException {
        return warehouse.connect();
    }

    private void awaitLanded(Map<TopicPartition, Long> end) throws InterruptedException {
        while (!loader.caughtUpWith(end)) {
            if (loader.failure() != null) {
                throw new IllegalStateException("loader failed: " + loader.failure().getMessage(), loader.failure());
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    /** Stops every component in the reverse order of starting; a second call does nothing. */
    @Override
    public synchronized void close() {
        // An interrupt would cut short every later component's wait to stop cleanly: it is set
        // again once all are closed.
        boolean interrupted = Thread.interrupted();
        while (!resources.isEmpty()) {
            AutoCloseable r = resources.pop();
            try {
                r.close();
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (Exception e) {
                log.warn("Error while shutting down: {}", e.toString());
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
