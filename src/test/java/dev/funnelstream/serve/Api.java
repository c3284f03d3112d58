package dev.funnelstream.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** A plain HTTP client of one server on 127.0.0.1, as a script of the API would be. */
final class Api {
    /** Money keeps its 2 decimals and rates their 4 when read back (100.00 stays 100.00, not 1E+2). */
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;

    Api(int port) {
        this.port = port;
    }

    /** GET {@code path} (with its query), with headers given as name, value, name, value... */
    HttpResponse<String> get(String path, String... headers) {
        return send(path, HttpResponse.BodyHandlers.ofString(), headers);
    }

    <T> HttpResponse<T> send(String path, BodyHandler<T> body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return HTTP.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens the SSE stream at {@code path} (only the status and headers are awaited, not the body:
     * the caller reads and closes it); the answer must come within 10 s.
     */
    HttpResponse<Stream<String>> openStream(String path, String... headers) throws Exception {
        String[] all = Stream.concat(Stream.of("Accept", "text/event-stream"), Stream.of(headers))
                .toArray(String[]::new);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .headers(all).build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
    }

    /**
     * The data of the first event of each name in {@code names} on an open SSE stream, waiting at
     * most {@code timeout} for all of them; closes the stream.
     */
    static Map<String, String> firstEvents(HttpResponse<Stream<String>> stream, Duration timeout, String... names)
            throws InterruptedException, ExecutionException, TimeoutException {
        try (Stream<String> lines = stream.body()) {
            return CompletableFuture.supplyAsync(() -> readEvents(lines.iterator(), names))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Reads {@code event: name} / {@code data: ...} lines until each name has had its first data line. */
    private static Map<String, String> readEvents(Iterator<String> lines, String... names) {
        Set<String> wanted = Set.of(names);
        Map<String, String> out = new LinkedHashMap<>();
        String event = null;
        while (out.size() < wanted.size() && lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:") && wanted.contains(event)) {
                out.putIfAbsent(event, line.substring(5).strip());
            } else if (line.isEmpty()) {
                event = null;
            }
        }
        return out;
    }

    /** The body parsed as JSON. */
    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code path?k1=v1&k2=v2...} with the values URL-encoded (keys and values alternate). */
    static String url(String path, String... params) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        for (int i = 0; i < params.length; i += 2) {
            query.add(params[i] + "=" + URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        }
        return path + query;
    }
}
