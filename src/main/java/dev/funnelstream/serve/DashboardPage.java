package dev.funnelstream.serve;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dashboard page's own files ({@code /}, its script and style) and ECharts from its webjar, read
 * from the class path once and kept. Served by hand rather than as Jetty static files: those mount
 * the app's jar as a zip file system, whose index of its 64k entries held ~150 MB of heap in
 * every process that served the page.
 */
final class DashboardPage {
    private static final String WEBJARS = "META-INF/resources/webjars/";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "map", "application/json");

    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    private DashboardPage() {
    }

    /** Adds the page's routes to a server's configuration. */
    static void add(JavalinConfig config) {
        DashboardPage page = new DashboardPage();
        config.routes.get("/", ctx -> page.send(ctx, "dashboard/index.html"));
        config.routes.get("/index.html", ctx -> page.send(ctx, "dashboard/index.html"));
        config.routes.get("/dashboard.js", ctx -> page.send(ctx, "dashboard/dashboard.js"));
        config.routes.get("/dashboard.css", ctx -> page.send(ctx, "dashboard/dashboard.css"));
        config.routes.get("/webjars/<path>", ctx -> {
            String path = ctx.pathParam("path");
            // Only files under the webjars folder: no way up and out of it.
            if (path.contains("..") || path.contains("\\")) {
                throw new NotFoundResponse();
            }
            page.send(ctx, WEBJARS + path);
        });
    }

    private void send(Context ctx, String resource) {
        String extension = resource.substring(resource.lastIndexOf('.') + 1);
        String type = TYPES.get(extension);
        if (type == null) {
            throw new NotFoundResponse();
        }
        byte[] body = files.get(resource);
        if (body == null) {
            body = read(resource);
            if (body == null) {
                throw new NotFoundResponse(); // not kept: asking for files that are not there adds nothing
            }
            files.put(resource, body);
        }
        ctx.contentType(type).result(body);
    }

    /** The resource's bytes, or null when there is none. */
    private static byte[] read(String resource) {
        try (InputStream in = DashboardPage.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
