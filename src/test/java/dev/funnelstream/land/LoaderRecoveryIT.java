package dev.funnelstream.land;

import dev.funnelstream.app.Funnelstream;
import dev.funnelstream.app.RunSettings;
import dev.funnelstream.status.Status;
import dev.funnelstream.stream.FileInput;
import dev.funnelstream.stream.ReplayInput;
import dev.funnelstream.stream.Speed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A warehouse write that fails is retried from the landed positions: nothing lost, nothing doubled. */
class LoaderRecoveryIT {

    @Test
    void aFailingBatchIsRetriedUntilItLandsExactlyOnce(@TempDir Path dataDir) throws Exception {
        // The loader stages each batch in <data-dir>/stage/; a plain file there makes every batch fail.
        Path blocker = Files.writeString(dataDir.resolve("stage"), "not a directory");
        Path sample = Path.of(System.getProperty("funnelstream.shared", "../shared"), "data/rees46-2019-Oct-head.csv");
        ReplayInput input = new FileInput(sample);
        RunSettings settings = new RunSettings(dataDir, List.of(input), Speed.MAX, 0, null, "127.0.0.1", 0, 4,
                RunSettings.DEFAULT_TRANSACTIONAL_ID);
        try (Funnelstream app = Funnelstream.start(settings, message -> { })) {
            long deadline = System.currentTimeMillis() + 30_000;
            while (!app.replayStats().finished() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(1500); // a few failed attempts
            Status failing = app.status();
            assertThat(failing.events()).as("nothing lands while the stage dir is blocked").isZero();
            assertThat(app.loader().failure()).as("the loader keeps retrying, it does not die").isNull();

            Files.delete(blocker);
            assertThat(app.awaitDrained()).isTrue();

            Status s = app.status();
            assertThat(s.inputRows()).isEqualTo(5019);
            assertThat(s.events()).isEqualTo(5016);
            assertThat(s.duplicates()).isEqualTo(3);
            assertThat(s.quarantined()).isZero();
        }
    }
}
