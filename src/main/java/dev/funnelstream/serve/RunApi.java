package dev.funnelstream.serve;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A run's HTTP API as the dashboard front ({@link FrontServer}) asks it: plain GETs, and the live
 * Server-Sent Events stream as lines.
 */
final class RunApi {
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private final Supplier<String> base;
    private final String token;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @param base the run's server, e.g. {@code http://127.0.0.1:8080}, asked before every request
     *             (a run restarted on another port is followed)
     * @param token the run's access token, or null when it needs none
     */
    RunApi(Supplier<String> base, String token) {
        this.base = base;
        this.token = token == null || token.isBlank() ? null : token.strip();
    }

    String base() {
        return base.get();
    }

    /** An answer of the run, as it is to be passed on. */
    record Answer(int status, String contentType, String disposition, String body) {
    }

    /** GETs {@code pathAndQuery} (e.g. {@code /api/header}) from the run. */
    Answer get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(request(pathAndQuery).timeout(ANSWER_TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse("application/json"),
                r.headers().firstValue("Content-Disposition").orElse(null), r.body());
    }

    /** Opens the run's event stream at {@code pathAndQuery}; the lines end when the run closes it. */
    CompletableFuture<HttpResponse<Stream<String>>> stream(String pathAndQuery) {
        return client.sendAsync(request(pathAndQuery).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.get() + pathAndQuery)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }
}
