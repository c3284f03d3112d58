package dev.funnelstream.serve;

import dev.funnelstream.cli.UserException;
import dev.funnelstream.report.ReportService;
import dev.funnelstream.transform.TestWarehouse;
import dev.funnelstream.warehouse.DuckDbWarehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The access rule (docs/dashboard-api.md, Access): loopback needs no token, any other host does,
 * and with a token set every request must carry it, as a Bearer header or as ?token=.
 */
class AccessTokenTest {
    private static final String TOKEN = "s3cret";

    @TempDir
    static Path dir;
    private static DuckDbWarehouse warehouse;
    /** On loopback, where a token is optional, started with one. */
    private static ControlServer server;
    private static Api api;

    @BeforeAll
    static void startWithAToken() throws SQLException {
        warehouse = TestWarehouse.open(dir);
        server = start(new ServerSettings("127.0.0.1", 0, TOKEN));
        api = new Api(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
        warehouse.close();
    }

    @Test
    void aHostOtherThanLoopbackNeedsAToken() {
        for (String none : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> AccessToken.forHost("0.0.0.0", none))
                    .isInstanceOf(UserException.class)
                    .hasMessageContaining("--token")
                    .hasMessageContaining("FUNNELSTREAM_TOKEN");
        }
        assertThat(AccessToken.forHost("0.0.0.0", TOKEN).required()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "::1"})
    void loopbackNeedsNoTokenButTakesOne(String host) {
        assertThat(AccessToken.forHost(host, null).required()).isFalse();
        assertThat(AccessToken.forHost(host, TOKEN).required()).isTrue();
    }

    @Test
    void theServerRefusesToStartOnAnOpenHostWithoutAToken() {
        assertThatThrownBy(() -> start(new ServerSettings("0.0.0.0", 0, null)))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("--token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/dashboard.js", "/webjars/echarts/5.3.1/dist/echarts.min.js", "/api/header",
            "/api/report/top-brands", "/api/categories", "/health", "/metrics", "/api/live"})
    void everyRequestNeedsTheToken(String path) throws Exception {
        assertUnauthorized(request(path));
        assertUnauthorized(request(path, "Authorization", "Bearer wrong"));
        assertUnauthorized(request(path + "?token=wrong"));
        assertUnauthorized(request(path + "?token=" + TOKEN.substring(0, 3)));

        assertThat(request(path, "Authorization", "Bearer " + TOKEN).status()).isEqualTo(200);
        assertThat(request(path + "?token=" + TOKEN).status()).isEqualTo(200);
    }

    @Test
    void aServerOnEveryAddressAnswersOnLoopbackWithTheToken() throws Exception {
        try (ControlServer open = start(new ServerSettings("0.0.0.0", 0, TOKEN))) {
            Api local = new Api(open.port());

            assertThat(local.get("/health", "Authorization", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
            assertThat(local.get("/api/header?token=" + TOKEN).statusCode()).isEqualTo(200);
            assertUnauthorized(Reply.of(local.get("/health")));
        }
    }

    private static ControlServer start(ServerSettings settings) {
        ReportService reports = new ReportService(warehouse, true);
        return ControlServer.start(settings, () -> null, () -> Map.of("warehouse", "up"), reports,
                new DashboardService(warehouse, reports, LiveFeed.AT_REST));
    }

    /**
     * GETs the path; the SSE stream is opened as a browser would, and closed once its status is in
     * (an open stream's body never ends).
     */
    private static Reply request(String path, String... headers) throws Exception {
        if (!path.startsWith("/api/live")) {
            return Reply.of(api.get(path, headers));
        }
        HttpResponse<Stream<String>> stream = api.openStream(path, headers);
        try (Stream<String> lines = stream.body()) {
            String body = stream.statusCode() == 200 ? "" : String.join("\n", lines.toList());
            return new Reply(stream.statusCode(), stream.headers().firstValue("Content-Type").orElse(""), body);
        }
    }

    private static void assertUnauthorized(Reply reply) throws Exception {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(Api.JSON.readTree(reply.body()).get("error").asText()).contains("token");
    }

    /** What a test looks at in an answer. */
    private record Reply(int status, String contentType, String body) {
        static Reply of(HttpResponse<String> r) {
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        }
    }
}
