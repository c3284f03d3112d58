package dev.funnelstream.cli;

import dev.funnelstream.app.Funnelstream;
import dev.funnelstream.app.RunSettings;
import dev.funnelstream.generate.GeneratorSettings;
import dev.funnelstream.process.JobMode;
import dev.funnelstream.read.CsvFileSource;
import dev.funnelstream.read.InputFileException;
import dev.funnelstream.read.InputFiles;
import dev.funnelstream.status.Status;
import dev.funnelstream.status.StatusFormat;
import dev.funnelstream.stream.FileInput;
import dev.funnelstream.stream.ReplayInput;
import dev.funnelstream.stream.SyntheticInput;
import dev.funnelstream.stream.Speed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code run}: replays input (files, or the synthetic shop) into Kafka and lands it in the
 * warehouse, serving status over HTTP, until Ctrl-C or, with {@code --until-drained}, until all is landed.
 */
@Command(name = "run", description = "Replay events into Kafka and land them in the warehouse.")
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption dataDir;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--input", arity = "1..*", paramLabel = "PATH",
            description = "REES46 .csv/.csv.gz files or directories of them. Default: the synthetic shop.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--speed", defaultValue = "600", paramLabel = "max|N|N/s",
            description = "'max', N times shop time (60 = an hour of events a minute), or a steady N events"
                    + " a second (e.g. 10000/s). Default: ${DEFAULT-VALUE}")
    String speed;

    @Option(names = "--sample-per-day", defaultValue = "0", paramLabel = "N",
            description = "Replay only the first N rows of each day (0 = all).")
    long samplePerDay;

    @Option(names = "--until-drained", description = "Exit once all input is replayed and landed.")
    boolean untilDrained;

    @Option(names = "--events", defaultValue = "10000000", paramLabel = "N",
            description = "Synthetic shop: events in all. Default: ${DEFAULT-VALUE}")
    long events;

    @Option(names = "--months", defaultValue = "2019-10", paramLabel = "FROM[..TO]",
            description = "Synthetic shop: months, e.g. 2019-10..2020-04. Default: ${DEFAULT-VALUE}")
    String months;

    @Option(names = "--seed", defaultValue = "42", description = "Synthetic shop: random seed. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--flink", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run the live-analytics Flink job (--no-flink: raw layer and batch reports only). Default: on")
    boolean flink;

    @Mixin
    JobTimingOptions timing;

    @Mixin
    ServerOptions server;

    @Option(names = "--format", defaultValue = "table",
            description = "How --until-drained prints the final status: table or json. Default: ${DEFAULT-VALUE}")
    OutputFormat format;

    @Override
    public Integer call() throws Exception {
        if (format == OutputFormat.csv) {
            throw new UserException("run prints its final status as --format table or json");
        }
        RunSettings settings = settings();
        PrintWriter err = spec.commandLine().getErr();
        List<String> inputErrors = new ArrayList<>();
        Funnelstream app = Funnelstream.start(settings, message -> {
            synchronized (inputErrors) {
                inputErrors.add(message);
            }
            err.println("funnelstream: " + message);
            err.flush();
        });
        CountDownLatch closed = new CountDownLatch(1);
        AtomicBoolean signalled = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            signalled.set(true);
            app.close();
            closed.countDown();
        }, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (ProgressDisplay progress = ProgressDisplay.start(app)) {
            if (!untilDrained) {
                closed.await(); // until Ctrl-C; the hook closes everything
                return ExitCodes.OK;
            }
            boolean complete = app.awaitDrained();
            progress.finish();
            printStatus(app);
            return complete && inputErrors.isEmpty() ? ExitCodes.OK : ExitCodes.INPUT_INCOMPLETE;
        } catch (Exception e) {
            if (!signalled.get()) {
                throw e;
            }
            // Ctrl-C or SIGTERM mid-drain: what failed was the app closing under the wait, not an
            // error to report. The JVM exits with the signal's code once the hook has closed all.
            closed.await();
            return ExitCodes.OK;
        } finally {
            if (untilDrained && !signalled.get()) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // a signal came just now: the hook closes the app
                }
                app.close();
            }
        }
    }

    private void printStatus(Funnelstream app) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        // Printed as the drained run exits: not a running run any more.
        Status status = app.status().withLive(false);
        if (format == OutputFormat.json) {
            out.println(StatusFormat.json(status));
            out.flush();
        } else {
            StatusFormat.table(status, out);
        }
    }

    private RunSettings settings() throws InputFileException {
        Speed pace;
        try {
            pace = Speed.parse(speed);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        if (samplePerDay < 0) {
            throw new UserException("--sample-per-day must be 0 or more");
        }
        Duration lateAfter = timing.watermarkDelay();
        Duration checkpoints = timing.checkpointInterval();
        JobMode mode = !flink ? JobMode.OFF : untilDrained ? JobMode.DRAIN : JobMode.LIVE;
        return new RunSettings(dataDir.dataDir, replayInputs(), pace, samplePerDay, kafka.settings(),
                server.host, server.port(), 4, RunSettings.DEFAULT_TRANSACTIONAL_ID, mode, lateAfter, checkpoints,
                server.token());
    }

    private List<ReplayInput> replayInputs() throws InputFileException {
        if (inputs.isEmpty()) {
            GeneratorSettings shop;
            try {
                shop = GeneratorSettings.of(events, months, seed);
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage());
            }
            return List.of(new SyntheticInput(shop));
        }
        for (String synthetic : List.of("--events", "--months", "--seed")) {
            if (spec.commandLine().getParseResult().hasMatchedOption(synthetic)) {
                throw new UserException(synthetic + " shapes the synthetic shop, which --input replaces: use one or the other");
            }
        }
        List<ReplayInput> out = new ArrayList<>();
        for (Path file : InputFiles.resolve(inputs)) {
            // Check every header before starting anything: a wrong file is a usage mistake.
            CsvFileSource.open(file).close();
            out.add(new FileInput(file));
        }
        return out;
    }
}
