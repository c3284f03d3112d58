package dev.funnelstream.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnelstream.generate.GeneratorSettings;
import dev.funnelstream.generate.ShopFileWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled pipeline: one month segment per run, replay then transforms, every attempt in the
 * runs table; stopped between the tasks or killed inside the replay, a restart finishes the
 * segment without doubling it.
 */
class PipelineIT {
    private static final int PER_DAY = 200;

    @TempDir
    static Path input;

    @BeforeAll
    static void threeMonthsOfShop() throws Exception {
        // ~330 rows a day, so sampling 200 a day takes exactly 200 of every day.
        new ShopFileWriter(input).write(GeneratorSettings.of(30_000, "2019-10..2019-12", 11));
    }

    @Test
    void eachRunDoesTheNextSegmentAndAStopBetweenTasksDoesNotDoubleIt(@TempDir Path dataDir) {
        assertThat(once(dataDir).out()).contains("2019-10: done");
        assertThat(status(dataDir).get("input_rows").asLong()).isEqualTo(31 * PER_DAY);

        // The replay task alone, as a process that then stops before the transforms ...
        Cli.Result replayOnly = pipeline(dataDir, "--once", "--task", "replay");
        assertThat(replayOnly.exitCode()).as(replayOnly.err()).isZero();
        assertThat(replayOnly.out()).contains("2019-11: replay done; next is task 'transform'")
                .doesNotContain("2019-11: done");
        // ... and the next run finishes 2019-11 with its transforms, without replaying it again.
        assertThat(once(dataDir).out()).contains("2019-11: done");

        JsonNode s = status(dataDir);
        assertThat(s.get("input_rows").asLong()).isEqualTo((31 + 30) * PER_DAY);
        assertThat(s.get("events").asLong() + s.get("duplicates").asLong()).isEqualTo((31 + 30) * PER_DAY);
        assertThat(succeeded(dataDir)).containsExactly(
                "2019-10/replay", "2019-10/transform", "2019-11/replay", "2019-11/transform");
        assertThat(dailyRevenueTotal(dataDir)).isEqualByComparingTo(s.get("revenue_total").decimalValue());
    }

    @Test
    void aKillInsideTheReplayIsFinishedByTheNextRunWithoutDoubling(@TempDir Path dataDir) throws Exception {
        // Paced so that the kill lands in the middle of October's replay.
        try (AppProcess first = AppProcess.start(dataDir.getParent(), "pipeline-" + dataDir.getFileName(),
                "pipeline", "--input", input.toString(), "--sample-per-day", String.valueOf(PER_DAY),
                "--speed", "200000", "--data-dir", dataDir.toString(), "--port", "0", "--once")) {
            awaitSomeRowsLanded(first, dataDir);
            first.crash();
        }
        assertThat(once(dataDir).out()).contains("2019-10: done");

        JsonNode s = status(dataDir);
        assertThat(s.get("input_rows").asLong()).isEqualTo(31 * PER_DAY);
        assertThat(s.get("events").asLong() + s.get("duplicates").asLong()).isEqualTo(31 * PER_DAY);
        JsonNode runs = runs(dataDir);
        assertThat(runs.toString()).contains("interrupted");
        assertThat(succeeded(dataDir)).containsExactly("2019-10/replay", "2019-10/transform");
    }

    @Test
    void withEverySegmentDoneARunHasNothingToDo(@TempDir Path dataDir) {
        for (int i = 0; i < 3; i++) {
            assertThat(once(dataDir).exitCode()).isZero();
        }
        Cli.Result fourth = once(dataDir);
        assertThat(fourth.exitCode()).isZero();
        assertThat(fourth.out()).contains("every segment is done");
        assertThat(status(dataDir).get("input_rows").asLong()).isEqualTo((31 + 30 + 31) * PER_DAY);
    }

    private static Cli.Result once(Path dataDir) {
        Cli.Result r = pipeline(dataDir, "--once");
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r;
    }

    private static Cli.Result pipeline(Path dataDir, String... more) {
        List<String> args = new ArrayList<>(List.of("pipeline", "--input", input.toString(), "--sample-per-day",
                String.valueOf(PER_DAY), "--data-dir", dataDir.toString(), "--port", "0", "--retry-backoff", "1s"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    private static JsonNode status(Path dataDir) {
        Cli.Result r = Cli.run("status", "--format", "json", "--data-dir", dataDir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        return StatusJson.parse(r.out());
    }

    private static JsonNode runs(Path dataDir) {
        Cli.Result r = Cli.run("runs", "--format", "json", "--data-dir", dataDir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        return StatusJson.parse(r.out());
    }

    /** segment/task pairs with a succeeded attempt, in run order. */
    private static List<String> succeeded(Path dataDir) {
        List<String> out = new ArrayList<>();
        for (JsonNode row : rowsOf(runs(dataDir))) {
            if ("succeeded".equals(row.get("status").asText())) {
                out.add(row.get("segment").asText() + "/" + row.get("task").asText());
            }
        }
        return out;
    }

    private static BigDecimal dailyRevenueTotal(Path dataDir) {
        Cli.Result r = Cli.run("report", "daily-revenue", "--format", "json", "--data-dir", dataDir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode row : rowsOf(StatusJson.parse(r.out()))) {
            total = total.add(row.get("revenue").decimalValue());
        }
        return total;
    }

    /** The rows of a report's JSON, whether it is an array or an object holding one. */
    private static List<JsonNode> rowsOf(JsonNode json) {
        JsonNode rows = json.isArray() ? json : json.get("rows");
        List<JsonNode> out = new ArrayList<>();
        rows.forEach(out::add);
        return out;
    }

    private static void awaitSomeRowsLanded(AppProcess app, Path dataDir) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            assertThat(app.alive()).as("the pipeline ended early: " + app.err()).isTrue();
            Cli.Result r = Cli.run("status", "--format", "json", "--data-dir", dataDir.toString());
            if (r.exitCode() == 0) {
                JsonNode s = StatusJson.parse(r.out());
                if (s.get("live").asBoolean() && s.get("events").asLong() > 1000) {
                    assertThat(s.get("input_rows").asLong()).as("still replaying").isLessThan(31 * PER_DAY);
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no rows landed within 2 minutes: " + app.err());
    }
}
