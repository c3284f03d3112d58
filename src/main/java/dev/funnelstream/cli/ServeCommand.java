package dev.funnelstream.cli;

import dev.funnelstream.app.DataDir;
import dev.funnelstream.report.ReportService;
import dev.funnelstream.serve.ControlServer;
import dev.funnelstream.serve.DashboardService;
import dev.funnelstream.serve.FrontServer;
import dev.funnelstream.serve.HttpUrls;
import dev.funnelstream.serve.LiveFeed;
import dev.funnelstream.serve.ServerSettings;
import dev.funnelstream.status.Status;
import dev.funnelstream.status.StatusQuery;
import dev.funnelstream.transform.Transforms;
import dev.funnelstream.warehouse.DuckDbWarehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** {@code serve}: the dashboard and its API over an existing data dir, or in front of the run using it, until Ctrl-C. */
@Command(name = "serve", description = {"Serve the dashboard and its API over an existing data dir, until Ctrl-C.",
        "While a run uses the data dir, serve its dashboard as a front: a process of its own that asks the run",
        "at most once a second per question (start the run with 'nice -n 10' to keep the page quick under load)."})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption dataDir;

    @Mixin
    ServerOptions server;

    @Override
    public Integer call() throws Exception {
        Path root = dataDir.dataDir;
        Optional<Map<String, Object>> run = DataDir.readRunInfo(root);
        if (run.isPresent() && RunningRun.get(root, "/health", Duration.ofSeconds(5)).isPresent()) {
            return front(root, run.get());
        }
        if (!Files.isRegularFile(DataDir.warehouseFile(root))) {
            throw new UserException("no warehouse in " + root + " (run './funnelstream run' first)");
        }
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        stopOnCtrlC(stop, closed);
        try (DataDir lock = DataDir.acquire(root); DuckDbWarehouse warehouse = DuckDbWarehouse.open(lock.warehouseFile())) {
            // Writable, so the reports can bring the reporting layer up to date first; nothing
            // schedules the transforms here, so a layer a stopped run left behind is brought up to date now.
            ReportService reports = new ReportService(warehouse, true);
            if (reports.stale()) {
                try (Connection c = warehouse.connect()) {
                    Transforms.run(c);
                }
            }
            Callable<Status> status = () -> {
                try (Connection c = warehouse.connect()) {
                    return StatusQuery.read(c, null, false);
                }
            };
            Map<String, String> health = new LinkedHashMap<>();
            health.put("warehouse", "up");
            health.put("replay", "up (no run: serving " + root + ")");
            try (ControlServer http = ControlServer.start(new ServerSettings(server.host, server.port(), server.token()),
                    status, () -> health, reports, new DashboardService(warehouse, reports, LiveFeed.AT_REST))) {
                lock.publishRun(server.host, http.port());
                out.println("Serving " + root + " on " + HttpUrls.base(server.host, http.port()) + "/ (Ctrl-C stops)");
                out.flush();
                stop.await();
            }
        } finally {
            closed.countDown();
        }
        return ExitCodes.OK;
    }

    /**
     * A run holds the warehouse: serve its dashboard from this process as a front that asks the run
     * (the run's own server keeps answering too).
     */
    private Integer front(Path root, Map<String, Object> run) throws InterruptedException {
        String runBase = RunningRun.base(run).orElseThrow(); // it answered /health at this address
        // Read again for each request to the run: a run restarted on another port is followed; while
        // none is recorded, the last address is asked (and answers 502 until a run is back).
        AtomicReference<String> current = new AtomicReference<>(runBase);
        Supplier<String> runAddress = () -> current.updateAndGet(
                last -> DataDir.readRunInfo(root).flatMap(RunningRun::base).orElse(last));
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        stopOnCtrlC(stop, closed);
        // The run's token comes from the environment, as for the other commands that ask a run.
        try (FrontServer http = FrontServer.start(new ServerSettings(server.host, server.port(), server.token()),
                runAddress, System.getenv("FUNNELSTREAM_TOKEN"))) {
            out.println("A run is using " + root + ": serving its dashboard on " + HttpUrls.base(server.host, http.port())
                    + "/ with answers from the run at " + runBase + " (Ctrl-C stops)");
            out.flush();
            stop.await();
        } finally {
            closed.countDown();
        }
        return ExitCodes.OK;
    }

    /**
     * Ctrl-C: the hook lets main close the server (and the warehouse and the lock), and waits for it
     * (the JVM halts as soon as its hooks return).
     */
    private static void stopOnCtrlC(CountDownLatch stop, CountDownLatch closed) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                closed.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "shutdown"));
    }
}
