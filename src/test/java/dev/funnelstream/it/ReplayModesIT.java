package dev.funnelstream.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.funnelstream.app.Funnelstream;
import dev.funnelstream.app.RunSettings;
import dev.funnelstream.stream.Speed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The replay's other modes: the synthetic shop, sampling per day, shop-time pacing, one run per data dir. */
class ReplayModesIT {

    @Test
    void withoutInputTheSyntheticShopIsReplayed(@TempDir Path tmp) {
        Cli.Result run = Cli.run("run", "--events", "3000", "--months", "2019-10", "--speed", "max",
                "--until-drained", "--data-dir", tmp.toString(), "--port", "0", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode s = StatusJson.parse(run.out());
        assertThat(s.get("input_rows").asLong()).isEqualTo(3000);
        assertThat(s.get("events").asLong() + s.get("duplicates").asLong()).isEqualTo(3000);
        assertThat(s.get("sources").get(0).get("source").asText()).startsWith("synthetic:");
    }

    @Test
    void samplePerDayReplaysOnlyTheFirstRowsOfEachDay(@TempDir Path tmp) throws Exception {
        String hundredthRowTime;
        try (var lines = Files.lines(TestFiles.realSample())) {
            hundredthRowTime = lines.skip(100).findFirst().orElseThrow().split(",")[0];
        }
        Cli.Result run = Cli.run("run", "--input", TestFiles.realSample().toString(), "--sample-per-day", "100",
                "--speed", "max", "--until-drained", "--data-dir", tmp.toString(), "--port", "0", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode s = StatusJson.parse(run.out());
        assertThat(s.get("input_rows").asLong()).as("the sample is one day").isEqualTo(100);
        assertThat(s.get("sources").get(0).get("skipped").asLong()).isEqualTo(5019 - 100);
        assertThat(s.get("last_event_time").asText()).isEqualTo(hundredthRowTime);
    }

    @Test
    void aPacedReplayFollowsShopTime(@TempDir Path tmp) {
        // The sample spans 2 h 28 min 17 s of shop time: at 3600x that is at least 2.4 s of replay.
        long started = System.nanoTime();
        Cli.Result run = Cli.run("run", "--input", TestFiles.realSample().toString(), "--speed", "3600",
                "--until-drained", "--data-dir", tmp.toString(), "--port", "0", "--format", "json");
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(seconds).isGreaterThan(8897 / 3600.0);
        assertThat(StatusJson.parse(run.out()).get("events").asLong()).isEqualTo(5016);
    }

    @Test
    void aSecondRunOnTheSameDataDirIsRefused(@TempDir Path tmp) throws Exception {
        RunSettings settings = new RunSettings(tmp, List.of(), Speed.MAX, 0, null, "127.0.0.1", 0, 4,
                RunSettings.DEFAULT_TRANSACTIONAL_ID);
        try (Funnelstream first = Funnelstream.start(settings, message -> { })) {
            Cli.Result second = Cli.run("run", "--input", TestFiles.realSample().toString(), "--until-drained",
                    "--data-dir", tmp.toString(), "--port", "0");
            CliErrorsIT.assertOneLineError(second, "another run is already using data dir");
        }
    }
}
