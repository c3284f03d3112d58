package dev.funnelstream.cli;

import dev.funnelstream.app.DataDir;
import dev.funnelstream.serve.HttpUrls;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The run that holds a data dir, asked over the HTTP port it records in {@code run.json}: while a
 * run holds the warehouse, DuckDB lets no other process open the file.
 */
final class RunningRun {
    private RunningRun() {
    }

    /**
     * GETs {@code path} from the data dir's run; empty when no run is recorded or it does not
     * answer (a run that died without cleaning up), so the caller reads the file instead.
     */
    static Optional<HttpResponse<String>> get(Path dataDir, String path, Duration timeout) {
        Optional<Map<String, Object>> info = DataDir.readRunInfo(dataDir);
        if (info.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> base = base(info.get());
        if (base.isEmpty()) {
            return Optional.empty();
        }
        String url = base.get() + path;
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET();
            String token = System.getenv("FUNNELSTREAM_TOKEN");
            if (token != null && !token.isBlank()) {
                request.header("Authorization", "Bearer " + token.strip());
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401) {
                throw new UserException("the run in " + dataDir + " requires its access token: set FUNNELSTREAM_TOKEN");
            }
            return Optional.of(response);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the run in " + dataDir, e);
        }
    }

    /**
     * The address of a run recorded in run.json (empty when it records no port); a run listening on
     * every address is reached over loopback.
     */
    static Optional<String> base(Map<String, Object> run) {
        int port;
        try {
            port = Integer.parseInt(String.valueOf(run.get("port")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String host = String.valueOf(run.get("host"));
        return Optional.of(HttpUrls.base(host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host, port));
    }

    /** The one-line message for a warehouse file that cannot be opened. */
    static RuntimeException fileFailure(Path dataDir, SQLException e) {
        if (String.valueOf(e.getMessage()).contains("lock")) {
            return new UserException("the warehouse in " + dataDir
                    + " is held by a run that does not answer; try again in a moment");
        }
        return new IllegalStateException("cannot read the warehouse: " + e.getMessage(), e);
    }
}
