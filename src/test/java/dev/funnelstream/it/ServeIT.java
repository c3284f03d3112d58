package dev.funnelstream.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnelstream.app.DataDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.funnelstream.it.CliErrorsIT.assertOneLineError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** {@code serve}: the dashboard and API over a data dir at rest, a front in front of it, and the mistakes around it. */
class ServeIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void servesADataDirAtRest() throws Exception {
        Path dataDir = tmp.resolve("data");
        Cli.Result run = Cli.run("run", "--input", TestFiles.realSample().toString(), "--speed", "max",
                "--until-drained", "--no-flink", "--data-dir", dataDir.toString(), "--port", "0");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String newest = Warehouses.rows(dataDir, "SELECT max(event_time) FROM raw.events").get(0);

        try (AppProcess serve = AppProcess.start(tmp, "serve", "serve", "--data-dir", dataDir.toString(), "--port", "0")) {
            String base = serve.awaitHttp(dataDir, Duration.ofSeconds(60));
            HttpClient http = HttpClient.newHttpClient();

            JsonNode header = JSON.readTree(get(http, base + "/api/header").body());
            assertThat(OffsetDateTime.parse(header.path("clock").asText()).toInstant())
                    .isEqualTo(OffsetDateTime.parse(newest.replace(' ', 'T')).toInstant());
            assertThat(header.path("streaming").asBoolean()).isFalse();
            assertThat(get(http, base + "/").body()).contains("tile-categories");

            // The CLI's report goes through the serving process (it holds the warehouse) and matches the API's CSV.
            Cli.Result report = Cli.run("report", "top-brands", "--data-dir", dataDir.toString(), "--limit", "5",
                    "--format", "csv");
            assertThat(report.exitCode()).as(report.err()).isZero();
            assertThat(get(http, base + "/api/report/top-brands?limit=5&format=csv").body()).isEqualTo(report.out());

            // A second serve on the held data dir is a front for the first, in a process of its own,
            // under the same access rule.
            assertOneLineError(Cli.run("serve", "--data-dir", dataDir.toString(), "--port", "0", "--host", "0.0.0.0"),
                    "--token");
            try (AppProcess front = AppProcess.start(tmp, "front", "serve", "--data-dir", dataDir.toString(),
                    "--port", "0")) {
                String frontBase = awaitFront(front);
                assertFrontAnswersAsTheRun(http, base, frontBase);

                assertThat(serve.stop()).as(serve.err()).isIn(0, 130, 143);
                // The run is gone: what the front has kept is still served, the rest is a one-line 502.
                assertThat(get(http, frontBase + "/api/report/top-brands?limit=5").statusCode()).isEqualTo(200);
                HttpResponse<String> status = get(http, frontBase + "/api/status");
                assertThat(status.statusCode()).isEqualTo(502);
                assertThat(JSON.readTree(status.body()).path("error").asText()).contains("does not answer")
                        .doesNotEndWith("null");

                // Back on another port: the front follows the address the data dir records.
                try (AppProcess again = AppProcess.start(tmp, "serve-again", "serve", "--data-dir", dataDir.toString(),
                        "--port", "0")) {
                    String newBase = again.awaitHttp(dataDir, Duration.ofSeconds(60));
                    assertThat(newBase).isNotEqualTo(base);
                    assertThat(get(http, frontBase + "/api/status").statusCode()).isEqualTo(200);
                    assertThat(again.stop()).as(again.err()).isIn(0, 130, 143);
                }
                assertThat(front.stop()).as(front.err()).isIn(0, 130, 143);
            }
            // Ctrl-C closed everything: the run record is gone and the data dir is free again.
            assertThat(DataDir.readRunInfo(dataDir)).isEmpty();
            assertThat(Cli.run("status", "--data-dir", dataDir.toString()).exitCode()).isZero();
        }
    }

    private static String awaitFront(AppProcess front) throws Exception {
        Pattern serving = Pattern.compile("serving its dashboard on (http://[^/]+)/");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = serving.matcher(front.out());
            if (m.find()) {
                return m.group(1);
            }
            assertThat(front.alive()).as(front.err()).isTrue();
            Thread.sleep(200);
        }
        throw new AssertionError("the front never said where it serves: " + front.err());
    }

    private static void assertFrontAnswersAsTheRun(HttpClient http, String run, String front) throws Exception {
        assertThat(get(http, front + "/").body()).contains("tile-categories");
        for (String asked : List.of("/api/header", "/api/categories", "/api/report/top-brands?limit=5",
                "/api/report/revenue-by-category?to=2019-10-01&limit=3")) {
            assertThat(get(http, front + asked).body()).as(asked).isEqualTo(get(http, run + asked).body());
        }
        HttpResponse<String> csv = get(http, front + "/api/report/top-brands?limit=5&format=csv");
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"top-brands.csv\"");
        assertThat(csv.body()).isEqualTo(get(http, run + "/api/report/top-brands?limit=5&format=csv").body());
        // The run's refusals are passed on as they are.
        HttpResponse<String> bad = get(http, front + "/api/report/top-brands?limit=many");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).isEqualTo(get(http, run + "/api/report/top-brands?limit=many").body());
        assertThat(get(http, front + "/api/live?category=no-such-category").statusCode()).isEqualTo(400);

        // The live stream is the run's, relayed: its first events arrive with the run's header.
        HttpResponse<java.io.InputStream> live = http.send(HttpRequest.newBuilder(URI.create(front + "/api/live"))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(live.statusCode()).isEqualTo(200);
        // Closing the body, not a reader on it: a reader stuck in a read would hold its lock.
        try (java.io.InputStream body = live.body()) {
            Map<String, String> events = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> firstEvents(
                    new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))), "no events relayed");
            assertThat(events).containsOnlyKeys("header", "funnel");
            JsonNode header = JSON.readTree(events.get("header"));
            assertThat(header.path("clock").asText())
                    .isEqualTo(JSON.readTree(get(http, run + "/api/header").body()).path("clock").asText());
        }
    }

    /** The stream's first header and funnel events. */
    private static Map<String, String> firstEvents(BufferedReader lines) throws Exception {
        Map<String, String> events = new HashMap<>();
        String event = null;
        while (events.size() < 2) {
            String line = lines.readLine();
            assertThat(line).as("the stream ended early").isNotNull();
            if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:") && event != null) {
                events.put(event, line.substring(5).strip());
            }
        }
        return events;
    }

    @Test
    void serveWithoutAWarehouse() {
        assertOneLineError(Cli.run("serve", "--data-dir", tmp.resolve("none").toString()), "no warehouse");
    }

    @Test
    void listeningBeyondLoopbackNeedsAToken() {
        assertOneLineError(Cli.run("run", "--input", TestFiles.realSample().toString(), "--until-drained", "--no-flink",
                "--data-dir", tmp.resolve("data").toString(), "--port", "0", "--host", "0.0.0.0"), "--token");
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
