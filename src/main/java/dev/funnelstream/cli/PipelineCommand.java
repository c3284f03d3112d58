package dev.funnelstream.cli;

import dev.funnelstream.app.Funnelstream;
import dev.funnelstream.app.RunSettings;
import dev.funnelstream.pipeline.Intervals;
import dev.funnelstream.pipeline.Pipeline;
import dev.funnelstream.pipeline.PipelineTask;
import dev.funnelstream.pipeline.Retry;
import dev.funnelstream.pipeline.RunLog;
import dev.funnelstream.pipeline.Segment;
import dev.funnelstream.pipeline.Segments;
import dev.funnelstream.read.CsvFileSource;
import dev.funnelstream.stream.FileInput;
import dev.funnelstream.stream.Speed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code pipeline}: the original project's scheduled DAG, built in. Every interval it replays the
 * next month segment not yet done, waits until the loader has landed all of it (by offsets), then
 * runs the reporting transforms.
 */
@Command(name = "pipeline", description = "Replay one month segment per run, then rebuild the reporting tables.")
final class PipelineCommand implements Callable<Integer> {
    private static final String REPLAY = "replay";
    private static final String TRANSFORM = "transform";

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption dataDir;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--input", arity = "1..*", paramLabel = "PATH", defaultValue = "data/raw",
            description = "Monthly files named like 2019-Oct.csv.gz, or their directory. Default: ${DEFAULT-VALUE}")
    List<Path> inputs;

    @Option(names = "--interval", defaultValue = "3h", description = "Time between runs. Default: ${DEFAULT-VALUE}")
    String interval;

    @Option(names = "--sample-per-day", defaultValue = "10000", paramLabel = "N",
            description = "Replay the first N rows of each day (0 = all). Default: ${DEFAULT-VALUE}")
    long samplePerDay;

    @Option(names = "--speed", defaultValue = "max", paramLabel = "max|N|N/s",
            description = "Replay pace: 'max', N times shop time, or N events a second. Default: ${DEFAULT-VALUE}")
    String speed;

    @Option(names = "--once", description = "Do one run (one segment) and exit.")
    boolean once;

    @Option(names = "--task", defaultValue = "all", paramLabel = "all|replay|transform",
            description = "Run only this task of the run (for an external scheduler such as Airflow). Default: ${DEFAULT-VALUE}")
    String task;

    @Option(names = "--retries", defaultValue = "3", description = "Attempts per task. Default: ${DEFAULT-VALUE}")
    int attempts;

    @Option(names = "--retry-backoff", defaultValue = "5s",
            description = "Wait before the second attempt, doubling after. Default: ${DEFAULT-VALUE}")
    String retryBackoff;

    @Mixin
    ServerOptions server;

    @Override
    public Integer call() throws Exception {
        Set<String> only = switch (task) {
            case "all" -> Set.of(REPLAY, TRANSFORM);
            case REPLAY -> Set.of(REPLAY);
            case TRANSFORM -> Set.of(TRANSFORM);
            default -> throw new UserException("--task must be all, replay or transform, got '" + task + "'");
        };
        if (samplePerDay < 0) {
            throw new UserException("--sample-per-day must be 0 or more");
        }
        if (attempts < 1) {
            throw new UserException("--retries must be at least 1 (the attempts per task)");
        }
        Duration every = parse(() -> Intervals.parse(interval));
        Retry retry = parse(() -> new Retry(attempts, Intervals.parse(retryBackoff)));
        Speed pace = parse(() -> Speed.parse(speed));
        List<Segment> segments = Segments.of(inputs);
        for (Segment s : segments) {
            CsvFileSource.open(s.file()).close(); // a wrong file is a usage mistake, found before starting
        }
        RunSettings settings = new RunSettings(dataDir.dataDir, List.of(), pace, samplePerDay, kafka.settings(),
                server.host, server.port(), 4, RunSettings.DEFAULT_TRANSACTIONAL_ID).withToken(server.token());
        PrintWriter out = spec.commandLine().getOut();
        try (Funnelstream app = Funnelstream.start(settings, message -> { })) {
            RunLog runs = new RunLog(() -> connect(app));
            Pipeline pipeline = new Pipeline(runs, segments, tasks(app, pace), retry);
            CountDownLatch stop = stopOnShutdown(app);
            while (true) {
                Pipeline.Outcome outcome = pipeline.runOnce(only);
                out.println(outcome.message());
                out.flush();
                if (once) {
                    return outcome.kind() == Pipeline.Outcome.Kind.FAILED ? ExitCodes.FAILED : ExitCodes.OK;
                }
                if (stop.await(every.toMillis(), TimeUnit.MILLISECONDS)) {
                    return ExitCodes.OK;
                }
            }
        }
    }

    private List<PipelineTask> tasks(Funnelstream app, Speed pace) {
        PipelineTask replay = new PipelineTask() {
            @Override
            public String name() {
                return REPLAY;
            }

            @Override
            public long run(Segment segment) throws Exception {
                return app.replayAndLand(new FileInput(segment.file()), pace, samplePerDay);
            }
        };
        PipelineTask transform = new PipelineTask() {
            @Override
            public String name() {
                return TRANSFORM;
            }

            @Override
            public long run(Segment segment) throws Exception {
                return app.runTransforms();
            }
        };
        return List.of(replay, transform);
    }

    private static Connection connect(Funnelstream app) {
        try {
            return app.connect();
        } catch (SQLException e) {
            throw new IllegalStateException("warehouse: " + e.getMessage(), e);
        }
    }

    /** Ctrl-C ends the wait between runs; the app itself is closed by the try-with-resources. */
    private static CountDownLatch stopOnShutdown(Funnelstream app) {
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            app.close();
        }, "shutdown"));
        return stop;
    }

    private static <T> T parse(java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }
}
