package dev.funnelstream.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnelstream.cli.UserException;
import dev.funnelstream.report.ReportFormat;
import dev.funnelstream.report.ReportName;
import dev.funnelstream.report.ReportQuery;
import dev.funnelstream.report.ReportService;
import dev.funnelstream.report.ReportTable;
import dev.funnelstream.report.StaleReportingException;
import dev.funnelstream.status.Status;
import dev.funnelstream.status.StatusFormat;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The run's HTTP server, on 127.0.0.1 by default: the dashboard page at {@code /}, its API
 * ({@code /api/report/{name}}, {@code /api/header}, {@code /api/categories},
 * {@code /api/trending/sparklines}, the SSE stream {@code /api/live}), {@code /api/status},
 * {@code /health} and {@code /metrics}. docs/dashboard-api.md describes each.
 */
public final class ControlServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ControlServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How old an answer may get before a request sets off its refresh (the page moves every second). */
    private static final long CACHE_MAX_AGE_MILLIS = 1_000;
    private final Javalin app;
    private final LiveStream live;
    private final ResultCache<String> cache;

    private ControlServer(Javalin app, LiveStream live, ResultCache<String> cache) {
        this.app = app;
        this.live = live;
        this.cache = cache;
    }

    /**
     * @param status reads the current status (from the warehouse the run holds)
     * @param health each component's state, e.g. {@code kafka: up}
     * @param reports answers {@code /api/report/{name}?from=&to=&limit=&category=&brand=}
     * @param dashboard the header strip, categories and sparklines
     * @throws UserException when the port is taken, or a non-loopback host has no token
     */
    public static ControlServer start(ServerSettings settings, Callable<Status> status,
                                      Supplier<Map<String, String>> health, ReportService reports,
                                      DashboardService dashboard) {
        // Before Javalin tries: its own failure comes with an ERROR line and a misleading message.
        checkUsable(settings);
        AccessToken access = AccessToken.forHost(settings.host(), settings.token());
        LiveStream live = new LiveStream(dashboard);
        Metrics metrics = new Metrics(dashboard);
        ResultCache<String> cache = ResultCache.ofText(CACHE_MAX_AGE_MILLIS);
        Javalin app = Javalin.create(config -> {
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.startup.showJavalinBanner = false;
            pageAndAccess(config, access);
            routes(config, metrics, cache, status, health, reports, dashboard, live);
            errors(config);
        });
        listen(app, settings, live, cache);
        log.info("Dashboard on {}/{}", HttpUrls.base(settings.host(), app.port()),
                access.required() ? " (access token required: open it as /?token=...)" : "");
        return new ControlServer(app, live, cache);
    }

    private static void routes(JavalinConfig config, Metrics metrics, ResultCache<String> cache, Callable<Status> status,
                               Supplier<Map<String, String>> health, ReportService reports,
                               DashboardService dashboard, LiveStream live) {
        config.routes.get("/api/status", timed(metrics, "/api/status",
                ctx -> json(ctx, StatusFormat.json(status.call()))));
        config.routes.get("/api/report/{name}", timed(metrics, "/api/report/{name}", ctx -> {
            ReportName name = ReportName.of(ctx.pathParam("name"));
            ReportQuery asked = reportQuery(ctx);
            // No limit asked: the CLI's default, so the CSV is the same bytes as the CLI prints.
            ReportQuery query = asked.limit() == null ? asked.withLimit(name.defaultLimit()) : asked;
            boolean csv = csv(ctx);
            // fresh=true (as the CLI asks) brings the reporting layer up to date first; the page
            // takes it as the transform schedule last built it, through the cache.
            String body = "true".equals(ctx.queryParam("fresh")) ? render(reports.report(name, query), csv)
                    : cache.get(name + "|" + query + "|" + csv, () -> render(reports.reportAsBuilt(name, query), csv));
            if (csv) {
                ctx.contentType("text/csv; charset=utf-8")
                        .header("Content-Disposition", "attachment; filename=\"" + name.slug() + ".csv\"")
                        .result(body);
            } else {
                json(ctx, body);
            }
        }));
        config.routes.get("/api/header", timed(metrics, "/api/header",
                ctx -> json(ctx, cache.get("header", () -> dashboard.header().toJson()))));
        config.routes.get("/api/categories", timed(metrics, "/api/categories", ctx -> json(ctx, cache.get("categories",
                () -> JSON.writeValueAsString(Map.of("categories", dashboard.categories()))))));
        config.routes.get("/api/trending/sparklines", timed(metrics, "/api/trending/sparklines", ctx -> {
            OffsetDateTime upTo = reportQuery(ctx).upTo();
            json(ctx, cache.get("sparklines|" + upTo, () -> dashboard.sparklinesJson(upTo)));
        }));
        // The category is checked before the stream opens, so a bad one is a plain 400; only known
        // ones, as each distinct category costs a funnel query every second.
        config.routes.before("/api/live", ctx -> {
            String category = reportQuery(ctx).category();
            if (category != null && !dashboard.categories().contains(category)) {
                throw new IllegalArgumentException("category '" + category + "' is not a category seen in the data");
            }
        });
        config.routes.sse("/api/live", client -> live.join(client, reportQuery(client.ctx()).category()));
        config.routes.get("/health", ctx -> {
            Map<String, String> h = health.get();
            boolean up = h.values().stream().allMatch(v -> v.startsWith("up"));
            ctx.status(up ? 200 : 503);
            json(ctx, JSON.writeValueAsString(Map.of("status", up ? "up" : "degraded", "components", h)));
        });
        config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(metrics.scrape()));
    }

    /** The dashboard page and its scripts at {@code /}, and the access rule before every request. */
    static void pageAndAccess(JavalinConfig config, AccessToken access) {
        DashboardPage.add(config);
        config.routes.before(ctx -> {
            if (!access.admits(ctx)) {
                throw new Unauthorized();
            }
        });
        config.routes.exception(Unauthorized.class, (e, ctx) -> error(ctx, 401,
                "an access token is required: Authorization: Bearer <token> or ?token=<token>"));
    }

    /** One mapping from exceptions to HTTP answers, each a one-line JSON message. */
    static void errors(JavalinConfig config) {
        config.routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        config.routes.exception(StaleReportingException.class, (e, ctx) -> error(ctx, 503, e.getMessage()));
        config.routes.exception(Exception.class, (e, ctx) -> {
            log.warn("Request {} failed: {}", ctx.path(), e.toString());
            error(ctx, 500, "internal error");
        });
    }

    private static Handler timed(Metrics metrics, String route, Handler handler) {
        return ctx -> {
            long started = System.nanoTime();
            String outcome = "error";
            try {
                handler.handle(ctx);
                outcome = "ok";
            } finally {
                metrics.record(route, outcome, System.nanoTime() - started);
            }
        };
    }

    /** The report's parameters; a bad one is an IllegalArgumentException, answered with 400. */
    private static ReportQuery reportQuery(Context ctx) {
        String limit = blankToNull(ctx.queryParam("limit"));
        Integer rows;
        try {
            rows = limit == null ? null : Integer.valueOf(limit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limit '" + limit + "' is not a number");
        }
        // Days or UTC times: the live reports take times, the batch ones refuse them with a 400.
        return ReportQuery.between(ReportQuery.bound(ctx.queryParam("from"), "from"),
                ReportQuery.endBound(ctx.queryParam("to"), "to"), rows, blankToNull(ctx.queryParam("category")),
                blankToNull(ctx.queryParam("brand")));
    }

    private static String render(ReportTable table, boolean csv) {
        if (!csv) {
            return ReportFormat.toWire(table);
        }
        StringWriter out = new StringWriter();
        ReportFormat.csv(table, new PrintWriter(out));
        return out.toString();
    }

    private static boolean csv(Context ctx) {
        String format = ctx.queryParam("format");
        if (format == null || format.equals("json")) {
            return false;
        }
        if (format.equals("csv")) {
            return true;
        }
        throw new IllegalArgumentException("format '" + format + "' is not json or csv");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /**
     * Checks, before a run starts anything else, that the server will be able to start: a token
     * where the host needs one, and the port free (so a busy port costs the user no wait for Kafka,
     * and no error logged by a half-started server). Binding can still fail later, if another
     * process takes the port meanwhile; {@link #start} reports that the same way.
     *
     * @throws UserException when the port is taken, or a non-loopback host has no token
     */
    public static void checkUsable(ServerSettings settings) {
        AccessToken.forHost(settings.host(), settings.token());
        InetAddress address;
        try {
            address = InetAddress.getByName(settings.host());
        } catch (UnknownHostException e) {
            throw new UserException("--host " + settings.host() + " is not a known host name or address");
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(address, settings.port()));
        } catch (BindException e) {
            throw cannotBind(settings, e);
        } catch (IOException e) {
            // Something rarer: starting the server reports it in full.
        }
    }

    /** A bind that failed, in the user's terms: a busy port, or a host that is not this machine's. */
    private static UserException cannotBind(ServerSettings settings, BindException e) {
        String why = String.valueOf(e.getMessage());
        if (why.contains("in use")) {
            return new UserException("port " + settings.port() + " on " + settings.host()
                    + " is in use; pass --port N (0 picks a free port)");
        }
        return new UserException("cannot listen on " + settings.host() + ": " + why
                + " (--host must be an address of this machine)");
    }

    /**
     * Starts the server; if it cannot, closes what was made for it and says why in one line.
     *
     * @throws UserException when the port is taken
     */
    static void listen(Javalin app, ServerSettings settings, AutoCloseable... madeForIt) {
        try {
            app.start();
        } catch (RuntimeException e) {
            for (AutoCloseable c : madeForIt) {
                try {
                    c.close();
                } catch (Exception closing) {
                    e.addSuppressed(closing);
                }
            }
            BindException bind = bindCause(e);
            if (bind != null) {
                throw cannotBind(settings, bind);
            }
            throw e;
        }
    }

    private static BindException bindCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException b) {
                return b;
            }
        }
        return null;
    }

    static void error(Context ctx, int code, String message) {
        ctx.status(code);
        json(ctx, JSON.createObjectNode().put("error", String.valueOf(message).replace('\n', ' ')).toString());
    }

    static void json(Context ctx, String body) {
        ctx.contentType("application/json").result(body);
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

    /** A request without the access token. */
    private static final class Unauthorized extends RuntimeException {
        Unauthorized() {
            super(null, null, false, false);
        }
    }
}
