package dev.funnelstream.it;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (no driver or browser download),
 * with the flags that keep it off the network this machine does not have.
 */
final class Browser {
    private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/lib/chromium/chromium");
    private static final List<String> DRIVER = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private Browser() {
    }

    /** A new headless Chromium whose downloads go to {@code downloads}. */
    static ChromeDriver start(Path profile, Path downloads, int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(find(CHROMIUM, "chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(find(DRIVER, "chromium-driver")))
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static String find(List<String> candidates, String debianPackage) {
        return candidates.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst()
                .orElseThrow(() -> new IllegalStateException("Debian's " + debianPackage + " is not installed: "
                        + "apt-get install -y chromium chromium-driver (./funnelstream test does it when it can)"));
    }
}
