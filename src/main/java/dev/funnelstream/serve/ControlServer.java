package dev.funnelstream.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnelstream.cli.UserException;
import dev.funnelstream.report.ReportFormat;
import dev.funnelstream.report.ReportName;
import dev.funnelstream.report.ReportQuery;
import dev.funnelstream.report.ReportService;
import dev.funnelstream.status.Status;
import dev.funnelstream.status.StatusFormat;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.BindException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The run's HTTP server on 127.0.0.1 by default: {@code /api/status} and {@code /api/report/{name}}
 * (so {@code status} and {@code report} work while the run holds the warehouse) and
 * {@code /health}. The dashboard joins it later.
 */
public final class ControlServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ControlServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Javalin app;

    private ControlServer(Javalin app) {
        this.app = app;
    }

    /**
     * @param status reads the current status (from the warehouse the run holds)
     * @param health each component's state, e.g. {@code kafka: up}
     * @param reports answers {@code /api/report/{name}?from=&to=&limit=&category=&brand=}
     */
    public static ControlServer start(String host, int port, Callable<Status> status,
                                      Supplier<Map<String, String>> health, ReportService reports) {
        Javalin app = Javalin.create(config -> {
            config.jetty.host = host;
            config.jetty.port = port;
            config.startup.showJavalinBanner = false;
            config.routes.get("/api/status", ctx -> json(ctx, StatusFormat.json(status.call())));
            config.routes.get("/api/report/{name}", ctx -> json(ctx, ReportFormat.toWire(
                    reports.report(ReportName.of(ctx.pathParam("name")), reportQuery(ctx)))));
            config.routes.get("/health", ctx -> {
                Map<String, String> h = health.get();
                boolean up = h.values().stream().allMatch(v -> v.startsWith("up"));
                ctx.status(up ? 200 : 503);
                json(ctx, JSON.writeValueAsString(Map.of("status", up ? "up" : "degraded", "components", h)));
            });
            config.routes.exception(IllegalArgumentException.class, (e, ctx) -> {
                ctx.status(400);
                json(ctx, JSON.createObjectNode().put("error", String.valueOf(e.getMessage())).toString());
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.warn("Request {} failed: {}", ctx.path(), e.toString());
                ctx.status(500);
                json(ctx, "{\"error\":\"internal error\"}");
            });
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            if (causedByBind(e)) {
                throw new UserException("port " + port + " on " + host
                        + " is in use; pass --port N (0 picks a free port)");
            }
            throw e;
        }
        log.info("Serving on http://{}:{}/", host, app.port());
        return new ControlServer(app);
    }

    /** The report's parameters; a bad one is an IllegalArgumentException, answered with 400. */
    private static ReportQuery reportQuery(Context ctx) {
        String limit = ctx.queryParam("limit");
        Integer rows;
        try {
            rows = limit == null ? null : Integer.valueOf(limit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limit '" + limit + "' is not a number");
        }
        // Days or UTC times: the live reports take times, the batch ones refuse them with a 400.
        return ReportQuery.between(ReportQuery.bound(ctx.queryParam("from"), "from"),
                ReportQuery.bound(ctx.queryParam("to"), "to"), rows, ctx.queryParam("category"), ctx.queryParam("brand"));
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static void json(Context ctx, String body) {
        ctx.contentType("application/json").result(body);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
