package dev.funnelstream.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in real headless Chromium during a replay of a month of synthetic shop data: all
 * five tiles drawn with data, the live funnel moving while events flow, the date filter changing
 * tile 1, and tile 1's CSV download equal to {@code ./funnelstream report} for the same filter.
 * Screenshots (laptop and phone width) are left in {@code target/} for people to look at.
 */
class DashboardBrowserIT {
    private static final List<String> TILES = List.of("tile-categories", "tile-brands", "tile-daily", "tile-funnel",
            "tile-trending");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void dashboardDuringAReplay(@TempDir Path tmp) throws Exception {
        Path dataDir = tmp.resolve("data");
        Path downloads = Files.createDirectories(tmp.resolve("downloads"));
        // 100k events over October at 40,000x shop time: about 1,500 events/s for about a minute.
        try (AppProcess app = AppProcess.start(tmp, "run", "run", "--data-dir", dataDir.toString(), "--port", "0",
                "--events", "100000", "--months", "2019-10", "--speed", "40000", "--checkpoint-interval", "2s")) {
            String base = app.awaitHttp(dataDir, Duration.ofSeconds(120));
            ChromeDriver browser = Browser.start(tmp.resolve("profile"), downloads, 1400, 1800);
            try {
                browser.get(base + "/");
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120), Duration.ofMillis(250));

                for (String tile : TILES) {
                    wait.withMessage(() -> tile + " never showed data: " + state(browser, tile))
                            .until(d -> "ready".equals(state(d, tile)) && drawn(d, tile));
                }
                assertThat(rows(browser, "tile-categories")).isNotEmpty();

                // The last hour's funnel moves while events flow.
                String funnelBefore = funnel(browser);
                wait.withMessage("the live funnel did not change while events flowed")
                        .until(d -> !funnel(d).equals(funnelBefore));

                // With everything up (broker, Flink job, dashboard), nothing listens beyond loopback.
                if (ListeningSockets.readable()) {
                    assertThat(app.listeningAddresses()).as("the run's listening sockets")
                            .isNotEmpty().allMatch(InetAddress::isLoopbackAddress);
                }

                // A date filter changes tile 1.
                List<String> allTime = rows(browser, "tile-categories");
                setDate(browser, "filter-from", "2019-10-02");
                setDate(browser, "filter-to", "2019-10-03");
                wait.withMessage("tile 1 did not change with the date filter")
                        .until(d -> "ready".equals(state(d, "tile-categories"))
                                && !rows(d, "tile-categories").equals(allTime));

                // Once the stream is past those days, the CLI report (brought up to date) and the
                // tile's CSV download are the same bytes.
                wait.withMessage("the replay never got past 2019-10-03")
                        .until(d -> clock(base).map(t -> t.isAfter(Instant.parse("2019-10-04T06:00:00Z"))).orElse(false));
                Cli.Result report = Cli.run("report", "revenue-by-category", "--data-dir", dataDir.toString(),
                        "--from", "2019-10-02", "--to", "2019-10-03", "--limit", "15", "--format", "csv");
                assertThat(report.exitCode()).as(report.err()).isZero();
                browser.findElement(By.cssSelector("#tile-categories a.csv-download")).click();
                Path csv = awaitDownload(wait, downloads);
                assertThat(Files.readString(csv)).isEqualTo(report.out());
                assertThat(report.out().lines().count()).isGreaterThan(2);

                Files.createDirectories(Path.of("target"));
                Files.write(Path.of("target", "dashboard.png"), browser.getScreenshotAs(OutputType.BYTES));
                browser.manage().window().setSize(new Dimension(390, 2400));
                wait.until(d -> width(d) <= 390);
                Files.write(Path.of("target", "dashboard-phone.png"), browser.getScreenshotAs(OutputType.BYTES));
                assertThat(width(browser)).as("the page fits a phone's width").isLessThanOrEqualTo(390);
            } finally {
                browser.quit();
            }
            // SIGTERM: the JVM exits 143 once the shutdown hook has closed everything.
            assertThat(app.stop()).as(app.err()).isIn(0, 130, 143);
        }
    }

    private static Optional<Instant> clock(String base) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(base + "/api/header")).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode clock = JSON.readTree(r.body()).path("clock");
            return clock.isTextual() ? Optional.of(Instant.parse(clock.asText())) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static String state(WebDriver d, String tile) {
        return d.findElement(By.id(tile)).getAttribute("data-state");
    }

    /** Whether the tile's chart has been drawn (ECharts draws on a canvas; sparklines may be SVG). */
    private static boolean drawn(WebDriver d, String tile) {
        List<WebElement> marks = d.findElements(By.cssSelector("#" + tile + " canvas, #" + tile + " svg"));
        return !marks.isEmpty() || "tile-funnel".equals(tile);
    }

    /** The rows the tile shows, from its table for screen readers. */
    @SuppressWarnings("unchecked")
    private static List<String> rows(WebDriver d, String tile) {
        return (List<String>) ((JavascriptExecutor) d).executeScript("return Array.from(document.querySelectorAll("
                + "'#" + tile + " table.data tbody tr')).map(tr => tr.textContent.trim());");
    }

    private static String funnel(WebDriver d) {
        return Stream.of("view", "cart", "purchase")
                .map(step -> d.findElement(By.id("funnel-hour-" + step)).getText())
                .reduce((a, b) -> a + "/" + b).orElseThrow();
    }

    private static void setDate(WebDriver d, String id, String day) {
        ((JavascriptExecutor) d).executeScript("const e = document.getElementById(arguments[0]); e.value = arguments[1];"
                + " e.dispatchEvent(new Event('change', {bubbles: true}));", id, day);
    }

    private static long width(WebDriver d) {
        return (Long) ((JavascriptExecutor) d).executeScript("return document.documentElement.scrollWidth;");
    }

    private static Path awaitDownload(WebDriverWait wait, Path dir) {
        return wait.withMessage("the CSV download never arrived in " + dir).until(d -> {
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(p -> p.toString().endsWith(".csv")).findFirst().orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        });
    }
}
