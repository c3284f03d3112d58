package dev.funnelstream.it;

import dev.funnelstream.app.DataDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The app jar run as its own process, so a test can kill it like a crash would. */
final class AppProcess implements AutoCloseable {
    private final Process process;
    private final Path out;
    private final Path err;

    private AppProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    static AppProcess start(Path logDir, String name, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-jar", TestFiles.appJar().toString()));
        cmd.addAll(List.of(args));
        Path out = logDir.resolve(name + ".out");
        Path err = logDir.resolve(name + ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new AppProcess(p, out, err);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or committed. */
    void crash() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the shutdown hook stops every component cleanly. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the app did not stop within 60 s of SIGTERM");
        }
        return process.exitValue();
    }

    int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the app did not finish within " + seconds + " s; stderr: " + err());
        }
        return process.exitValue();
    }

    /** The local addresses the app listens on for TCP (Linux only: see {@link ListeningSockets}). */
    List<java.net.InetAddress> listeningAddresses() throws IOException {
        return ListeningSockets.of(process.pid());
    }

    boolean alive() {
        return process.isAlive();
    }

    /**
     * The address of this run's (or serve's) HTTP server once it answers {@code /health}: the port
     * is chosen free at start, so it is read from the data dir's run.json.
     */
    String awaitHttp(Path dataDir, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!alive()) {
                throw new AssertionError("the app died before its HTTP server answered: " + err());
            }
            Optional<Map<String, Object>> info = DataDir.readRunInfo(dataDir);
            if (info.isPresent()) {
                String base = "http://" + info.get().get("host") + ":" + info.get().get("port");
                try {
                    if (http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return base;
                    }
                } catch (IOException notYet) {
                    // not listening yet, or run.json is a stopped run's
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the app's HTTP server never answered: " + err());
    }

    String out() {
        return read(out);
    }

    String err() {
        return read(err);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
