package dev.funnelstream.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnelstream.generate.GeneratorSettings;
import dev.funnelstream.generate.ShopFileWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping a run at any moment, by a crash (SIGKILL) or by Ctrl-C (SIGTERM), and starting it
 * again gives exactly the books of an uninterrupted run: nothing lost, nothing counted twice; and
 * the same processed (Flink) tables, also when the crash hits the live-analytics job mid-stream.
 */
class CrashRestartIT {
    private static final long EVENTS = 400_000;

    @TempDir
    static Path shared;
    static Path input;
    static String uninterrupted;
    static List<String> uninterruptedProcessed;

    @BeforeAll
    static void generateInputAndRunItUninterrupted() throws Exception {
        input = shared.resolve("input");
        new ShopFileWriter(input).write(GeneratorSettings.of(EVENTS, "2019-10..2019-11", 7));
        Cli.Result run = Cli.run("run", "--input", input.toString(), "--speed", "max", "--until-drained",
                "--data-dir", shared.resolve("reference").toString(), "--port", "0", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode s = StatusJson.parse(run.out());
        assertThat(s.get("input_rows").asLong()).isEqualTo(EVENTS);
        assertThat(s.get("duplicates").asLong()).as("the generator makes exact repeats").isPositive();
        uninterrupted = StatusJson.books(s);
        uninterruptedProcessed = processedTables(shared.resolve("reference"));
        assertThat(uninterruptedProcessed).hasSizeGreaterThan(1000);
    }

    @Test
    void aCrashOfTheLiveAnalyticsJobMidStreamThenARestartGivesTheSameProcessedTables(@TempDir Path tmp)
            throws Exception {
        Path dataDir = tmp.resolve("data");
        Path checkpoints = dataDir.resolve("flink").resolve("checkpoints-drain");
        try (AppProcess first = AppProcess.start(tmp, "first", "run", "--input", input.toString(),
                "--speed", "max", "--until-drained", "--checkpoint-interval", "500ms",
                "--data-dir", dataDir.toString(), "--port", "0")) {
            // The bounded job starts once everything is replayed; crash it once it has checkpointed
            // and some of its results are landed, but before it has finished. The restart drains
            // afresh (see LiveAnalytics) and must end in the same tables, half-landed rows and all.
            Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
            while (!(hasCheckpoint(checkpoints) && liveRows(dataDir) > 0)) {
                assertThat(first.alive()).as("the run ended before the job was caught mid-stream: "
                        + first.err()).isTrue();
                assertThat(Instant.now()).as("no checkpoint and live rows in time").isBefore(deadline);
                Thread.sleep(50);
            }
            first.crash();
        }
        assertThat(restartUntilDrained(tmp, dataDir)).isEqualTo(uninterrupted);
        assertThat(processedTables(dataDir)).containsExactlyElementsOf(uninterruptedProcessed);
    }

    private static boolean hasCheckpoint(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            return all.anyMatch(p -> p.getFileName().toString().equals("_metadata"));
        }
    }

    /** Rows of events-per-minute, asked of the running run; 0 while it cannot answer yet. */
    private static long liveRows(Path dataDir) {
        if (!Files.exists(dataDir.resolve("run.json"))) {
            return 0;
        }
        Cli.Result r = Cli.run("report", "events-per-minute", "--format", "csv", "--data-dir", dataDir.toString());
        return r.exitCode() == 0 ? r.out().lines().count() - 1 : 0;
    }

    /** Every processed table's rows, without the landing time. */
    private static List<String> processedTables(Path dataDir) throws Exception {
        List<String> rows = new ArrayList<>();
        for (String table : List.of("funnel_minute", "session_funnel", "trending_products", "late_events")) {
            rows.add("-- " + table);
            rows.addAll(Warehouses.rows(dataDir,
                    "SELECT * EXCLUDE (updated_at) FROM processed." + table + " ORDER BY ALL"));
        }
        return rows;
    }

    @Test
    void aCrashMidStreamThenARestartGivesTheSameBooks(@TempDir Path tmp) throws Exception {
        Path dataDir = tmp.resolve("data");
        try (AppProcess first = AppProcess.start(tmp, "first", "run", "--input", input.toString(),
                "--speed", "max", "--data-dir", dataDir.toString(), "--port", "0", "--no-flink")) {
            awaitLandedEvents(first, dataDir, EVENTS / 4);
            first.crash();
        }
        assertBooksHoldBetweenRuns(dataDir);
        assertThat(restartUntilDrained(tmp, dataDir, "--no-flink")).isEqualTo(uninterrupted);
    }

    @Test
    void aCleanStopHalfwayThenARestartGivesTheSameBooks(@TempDir Path tmp) throws Exception {
        Path dataDir = tmp.resolve("data");
        try (AppProcess first = AppProcess.start(tmp, "first", "run", "--input", input.toString(),
                "--speed", "max", "--data-dir", dataDir.toString(), "--port", "0", "--no-flink")) {
            awaitLandedEvents(first, dataDir, EVENTS / 3);
            assertThat(first.stop()).as(first.err()).isIn(0, 130, 143);
        }
        assertBooksHoldBetweenRuns(dataDir);
        assertThat(restartUntilDrained(tmp, dataDir, "--no-flink")).isEqualTo(uninterrupted);
    }

    /**
     * Between a stopped run and its restart, no row is landed before the input row that counts it:
     * every landed row is counted, and the rest are still on Kafka.
     */
    private static void assertBooksHoldBetweenRuns(Path dataDir) throws Exception {
        Cli.Result between = Cli.run("status", "--format", "json", "--data-dir", dataDir.toString());
        assertThat(between.exitCode()).as(between.err()).isZero();
        JsonNode halfway = StatusJson.parse(between.out());
        assertThat(halfway.get("input_rows").asLong()).as("stopped halfway").isLessThan(EVENTS);
        assertThat(halfway.get("input_rows").asLong()).as("what was sent is landed or still on Kafka")
                .isGreaterThanOrEqualTo(halfway.get("events").asLong() + halfway.get("duplicates").asLong()
                        + halfway.get("quarantined").asLong());
    }

    private static String restartUntilDrained(Path tmp, Path dataDir, String... flags) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "--input", input.toString(), "--speed", "max",
                "--until-drained", "--data-dir", dataDir.toString(), "--port", "0", "--format", "json"));
        args.addAll(List.of(flags));
        try (AppProcess second = AppProcess.start(tmp, "second", args.toArray(String[]::new))) {
            // With the Flink job, a restart drains the whole raw topic again (about 150 s here on an
            // idle 2-core machine); the margin is for a busy one.
            assertThat(second.waitFor(480)).as(second.err()).isZero();
            return StatusJson.books(StatusJson.parse(second.out()));
        }
    }

    /** Polls the running app's status (over its HTTP port) until enough events have landed. */
    private static void awaitLandedEvents(AppProcess app, Path dataDir, long atLeast) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            assertThat(app.alive()).as("the run ended early: " + app.err()).isTrue();
            if (Files.exists(dataDir.resolve("run.json"))) {
                Cli.Result status = Cli.run("status", "--format", "json", "--data-dir", dataDir.toString());
                if (status.exitCode() == 0) {
                    JsonNode s = StatusJson.parse(status.out());
                    if (s.get("live").asBoolean() && s.get("events").asLong() >= atLeast) {
                        assertThat(s.get("input_rows").asLong()).as("not everything sent yet").isLessThan(EVENTS);
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("fewer than " + atLeast + " events landed in 3 minutes: " + app.err());
    }
}
