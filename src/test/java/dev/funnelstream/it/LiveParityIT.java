package dev.funnelstream.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stream/batch parity: after {@code run --until-drained}, the live layer's numbers (from Flink)
 * equal plain SQL over raw.events: events per minute and type, the ordered session funnel per
 * hour of first view, and every trending slide with its ranks and rank changes. On the real sample,
 * on generated data arriving up to 90 s out of order, and on generated data with extra exact repeats.
 */
class LiveParityIT {
    private static final DateTimeFormatter REES46 = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    @Test
    void realSample(@TempDir Path dataDir) throws Exception {
        assertParity(dataDir, TestFiles.realSample());
    }

    @Test
    void generatedDataUpTo90SecondsOutOfOrder(@TempDir Path tmp) throws Exception {
        List<String> rows = generated(tmp, 30_000, 11);
        Random random = new Random(5);
        // Each row is delayed by up to 90 s of shop time: arrival order is by time + delay.
        List<String[]> delayed = new ArrayList<>();
        for (String row : rows) {
            LocalDateTime t = LocalDateTime.parse(row.substring(0, 23), REES46);
            delayed.add(new String[] {t.plusSeconds(random.nextInt(91)).toString(), row});
        }
        delayed.sort(Comparator.comparing(r -> r[0]));
        List<String> shuffled = delayed.stream().map(r -> r[1]).toList();
        assertThat(shuffled).isNotEqualTo(rows);

        Path input = write(tmp.resolve("late.csv"), shuffled);
        assertParity(tmp.resolve("data"), input);
        assertThat(Warehouses.rows(tmp.resolve("data"), "SELECT count(*) FROM processed.late_events"))
                .containsExactly("0");
    }

    @Test
    void generatedDataWithExactRepeats(@TempDir Path tmp) throws Exception {
        List<String> rows = new ArrayList<>(generated(tmp, 30_000, 12));
        Random random = new Random(6);
        // Every 20th row comes again a little later (within the next 50 rows).
        for (int i = rows.size() - 1; i >= 0; i -= 20) {
            rows.add(Math.min(rows.size(), i + 1 + random.nextInt(50)), rows.get(i));
        }
        Path input = write(tmp.resolve("repeats.csv"), rows);
        assertParity(tmp.resolve("data"), input);
        assertThat(Warehouses.rows(tmp.resolve("data"), "SELECT count(*) > 1400 FROM raw.duplicates"))
                .containsExactly("true");
    }

    private static void assertParity(Path dataDir, Path input) throws Exception {
        Cli.Result run = Cli.run("run", "--data-dir", dataDir.toString(), "--input", input.toString(),
                "--speed", "max", "--until-drained", "--port", "0", "--checkpoint-interval", "1s");
        assertThat(run.exitCode()).as(run.err()).isZero();

        Cli.Result live = Cli.run("report", "events-per-minute", "--data-dir", dataDir.toString(), "--format", "csv");
        assertThat(live.exitCode()).as(live.err()).isZero();
        List<String> liveRows = Arrays.asList(live.out().strip().split("\n"));
        List<String> batchRows = Warehouses.rows(dataDir, "/parity/events_per_minute.sql");
        assertThat(liveRows.get(0)).isEqualTo("minute,event_type,events");
        assertThat(batchRows).hasSizeGreaterThan(10);
        assertThat(liveRows.subList(1, liveRows.size())).containsExactlyElementsOf(batchRows);

        List<String> liveSessions = Warehouses.rows(dataDir,
                "SELECT strftime(hour, '%Y-%m-%d %H:%M'), viewed, carted, purchased FROM processed.session_funnel "
                        + "WHERE viewed > 0 ORDER BY hour");
        List<String> batchSessions = Warehouses.rows(dataDir, "/parity/session_funnel_hourly.sql");
        assertThat(batchSessions).isNotEmpty();
        assertThat(liveSessions).containsExactlyElementsOf(batchSessions);

        List<String> liveTrending = Warehouses.rows(dataDir, "SELECT strftime(window_end, '%Y-%m-%d %H:%M'), rank, "
                + "product_id, views, carts, purchases, revenue, brand, category_code, previous_rank "
                + "FROM processed.trending_products ORDER BY window_end, rank");
        List<String> batchTrending = Warehouses.rows(dataDir, "/parity/trending.sql");
        assertThat(batchTrending).hasSizeGreaterThan(100);
        assertThat(liveTrending).containsExactlyElementsOf(batchTrending);
    }

    /** The rows (no header) of a generated REES46 file. */
    private static List<String> generated(Path tmp, int events, long seed) throws IOException {
        Path out = tmp.resolve("gen");
        Cli.Result gen = Cli.run("generate", "--out", out.toString(), "--events", String.valueOf(events),
                "--months", "2019-10", "--seed", String.valueOf(seed));
        assertThat(gen.exitCode()).as(gen.err()).isZero();
        Path file;
        try (var files = Files.list(out)) {
            file = files.filter(f -> f.toString().endsWith(".csv.gz")).findFirst().orElseThrow();
        }
        List<String> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            r.readLine(); // header
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                rows.add(line);
            }
        }
        return rows;
    }

    private static Path write(Path file, List<String> rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session");
        lines.addAll(rows);
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }
}
