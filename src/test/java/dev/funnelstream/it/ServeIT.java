package dev.funnelstream.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnelstream.app.DataDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;

import static dev.funnelstream.it.CliErrorsIT.assertOneLineError;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code serve}: the dashboard and API over a data dir no run is using, and the mistakes around it. */
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

            assertOneLineError(Cli.run("serve", "--data-dir", dataDir.toString(), "--port", "0"),
                    "serves its dashboard at " + base + "/");
            assertThat(serve.stop()).as(serve.err()).isIn(0, 130, 143);
            // Ctrl-C closed everything: the run record is gone and the data dir is free again.
            assertThat(DataDir.readRunInfo(dataDir)).isEmpty();
            assertThat(Cli.run("status", "--data-dir", dataDir.toString()).exitCode()).isZero();
        }
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
