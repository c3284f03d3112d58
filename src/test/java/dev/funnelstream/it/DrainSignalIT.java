package dev.funnelstream.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ctrl-C or SIGTERM while {@code run --until-drained} waits for the live-analytics job to drain
 * stops the run with the signal's exit code and no error line: the stop is what the user asked for.
 */
class DrainSignalIT {

    @Test
    void aSignalDuringTheDrainStopsCleanlyWithoutAnErrorLine(@TempDir Path tmp) throws Exception {
        try (AppProcess app = AppProcess.start(tmp, "drain", "run", "--input", TestFiles.realSample().toString(),
                "--speed", "max", "--until-drained", "--data-dir", tmp.resolve("data").toString(), "--port", "0")) {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (!app.err().contains("Raw layer landed")) {
                assertThat(app.alive()).as("the run ended before its drain: " + app.err()).isTrue();
                assertThat(Instant.now()).as("raw layer landed in time").isBefore(deadline);
                Thread.sleep(50);
            }
            Thread.sleep(1000); // into the drain of the live-analytics job

            int code = app.stop();

            assertThat(code).as(app.err()).isIn(0, 143);
            assertThat(app.err().lines().filter(l -> l.startsWith("funnelstream:")))
                    .as("no error line for a stop the user asked for").isEmpty();
            assertThat(app.err()).doesNotContain("Shutdown in progress");
        }
    }
}
