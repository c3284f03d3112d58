package dev.funnelstream.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnelstream.cli.UserException;
import dev.funnelstream.read.IoErrors;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The dashboard front: the same page and API as a run's own server, answered from a cache that it
 * fills by asking the run ({@link RunApi}) at most once a second per distinct question. It runs in
 * a process of its own, so a page's answers do not wait behind the run's garbage collections and
 * busy cores (start the run at a lower CPU priority, e.g. {@code nice -n 10}). The live stream is
 * relayed, one stream from the run per category followed.
 */
public final class FrontServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FrontServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long CACHE_MAX_AGE_MILLIS = 1_000;

    private final Javalin app;
    private final LiveRelay live;
    private final ResultCache<RunApi.Answer> cache;

    private FrontServer(Javalin app, LiveRelay live, ResultCache<RunApi.Answer> cache) {
        this.app = app;
        this.live = live;
        this.cache = cache;
    }

    /**
     * @param settings where the front listens, and the token its clients must bring
     * @param runBase the run's server, e.g. {@code http://127.0.0.1:8080}, asked before every
     *                request to the run (so a run restarted on another port is followed)
     * @param runToken the run's access token, or null when it needs none
     * @throws UserException when the port is taken, or a non-loopback host has no token
     */
    public static FrontServer start(ServerSettings settings, Supplier<String> runBase, String runToken) {
        ControlServer.checkUsable(settings);
        AccessToken access = AccessToken.forHost(settings.host(), settings.token());
        RunApi run = new RunApi(runBase, runToken);
        LiveRelay live = new LiveRelay(run);
        // Only the run's plain answers are kept; an error is passed on and asked again next time.
        ResultCache<RunApi.Answer> cache = new ResultCache<>(CACHE_MAX_AGE_MILLIS,
                a -> a.status() == 200 && a.body().length() <= ResultCache.MAX_KEPT_CHARS);
        Javalin app = Javalin.create(config -> {
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.startup.showJavalinBanner = false;
            ControlServer.pageAndAccess(config, access);
            config.routes.before("/api/live", ctx -> checkCategory(ctx, cache, run));
            config.routes.sse("/api/live", client -> live.join(client, liveQuery(client.ctx())));
            // What changes by the moment, or asks for fresh figures, goes to the run every time.
            config.routes.get("/api/status", ctx -> pass(ctx, run.get(pathAndQuery(ctx))));
            config.routes.get("/health", ctx -> pass(ctx, run.get("/health")));
            config.routes.get("/metrics", ctx -> pass(ctx, run.get("/metrics")));
            config.routes.get("/api/*", ctx -> {
                String asked = pathAndQuery(ctx);
                pass(ctx, "true".equals(ctx.queryParam("fresh")) ? run.get(asked) : cache.get(asked, () -> run.get(asked)));
            });
            ControlServer.errors(config);
            // The most specific mapping wins: a run that does not answer is a 502, not a 500.
            config.routes.exception(IOException.class, (e, ctx) -> ControlServer.error(ctx, 502,
                    "the run at " + run.base() + " does not answer: " + IoErrors.reason(e)));
        });
        ControlServer.listen(app, settings, live, cache);
        log.info("Dashboard front on {}/ for the run at {}", HttpUrls.base(settings.host(), app.port()), run.base());
        return new FrontServer(app, live, cache);
    }

    private static void pass(Context ctx, RunApi.Answer answer) {
        ctx.status(answer.status()).contentType(answer.contentType());
        if (answer.disposition() != null) {
            ctx.header("Content-Disposition", answer.disposition());
        }
        ctx.result(answer.body());
    }

    /** The request's path and query as the run takes them: the front's own token is not passed on. */
    static String pathAndQuery(Context ctx) {
        return ctx.path() + query(ctx.queryParamMap());
    }

    /** The query with its parameters in name order, so that one question is one cache entry. */
    static String query(Map<String, List<String>> params) {
        StringBuilder q = new StringBuilder();
        for (Map.Entry<String, List<String>> p : new TreeMap<>(params).entrySet()) {
            if (p.getKey().equals("token")) {
                continue;
            }
            for (String value : p.getValue()) {
                q.append(q.length() == 0 ? '?' : '&').append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8))
                        .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return q.toString();
    }

    private static String liveQuery(Context ctx) {
        String category = ctx.queryParam("category");
        return category == null || category.isBlank() ? "" : query(Map.of("category", List.of(category.strip())));
    }

    /** A category the run has not seen is a plain 400 before the stream opens, as the run does it. */
    private static void checkCategory(Context ctx, ResultCache<RunApi.Answer> cache, RunApi run) throws Exception {
        String category = ctx.queryParam("category");
        if (category == null || category.isBlank()) {
            return;
        }
        RunApi.Answer answer = cache.get("/api/categories", () -> run.get("/api/categories"));
        if (answer.status() != 200) {
            throw new IOException("HTTP " + answer.status() + " for its categories");
        }
        for (JsonNode known : JSON.readTree(answer.body()).path("categories")) {
            if (known.asText().equals(category.strip())) {
                return;
            }
        }
        throw new IllegalArgumentException("category '" + category + "' is not a category seen in the data");
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        live.close();
        app.stop();
        cache.close();
    }
}
