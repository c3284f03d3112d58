package dev.funnelstream.it;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared test data lives: {@code ../shared} beside the repo, locally and in CI. */
public final class TestFiles {
    private TestFiles() {
    }

    public static Path shared() {
        Path p = Path.of(System.getProperty("funnelstream.shared", "../shared")).toAbsolutePath().normalize();
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("shared test data not found at " + p);
        }
        return p;
    }

    /** The real 5,019-row head of 2019-Oct.csv. */
    public static Path realSample() {
        return shared().resolve("data/rees46-2019-Oct-head.csv");
    }

    public static Path appJar() {
        Path jar = Path.of(System.getProperty("funnelstream.jar", "target/funnelstream.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("app jar not built at " + jar + " (run mvn package first)");
        }
        return jar;
    }
}
