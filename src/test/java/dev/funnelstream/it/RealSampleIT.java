package dev.funnelstream.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The real REES46 sample, end to end through the embedded broker into DuckDB. */
class RealSampleIT {

    @Test
    void realSampleLandsWithItsKnownFigures(@TempDir Path dataDir) {
        Cli.Result run = Cli.run("run", "--input", TestFiles.realSample().toString(), "--speed", "max",
                "--until-drained", "--data-dir", dataDir.toString(), "--port", "0", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode last = StatusJson.parse(run.out());
        assertKnownFigures(last);
        assertThat(last.get("live").asBoolean()).as("printed as the drained run ends").isFalse();

        // After the run has stopped, status reads the same figures from the warehouse file.
        Cli.Result status = Cli.run("status", "--format", "json", "--data-dir", dataDir.toString());
        assertThat(status.exitCode()).as(status.err()).isZero();
        JsonNode offline = StatusJson.parse(status.out());
        assertKnownFigures(offline);
        assertThat(offline.get("live").asBoolean()).isFalse();
        assertThat(offline.get("kafka_lag").asLong()).isZero();
    }

    private static void assertKnownFigures(JsonNode s) {
        assertThat(s.get("input_rows").asLong()).isEqualTo(5019);
        assertThat(s.get("events").asLong()).isEqualTo(5016);
        assertThat(s.get("duplicates").asLong()).isEqualTo(3);
        assertThat(s.get("quarantined").asLong()).isZero();
        assertThat(s.get("events_by_type").get("view").asLong()).isEqualTo(4912);
        assertThat(s.get("events_by_type").get("cart").asLong()).isEqualTo(50);
        assertThat(s.get("events_by_type").get("purchase").asLong()).isEqualTo(54);
        assertThat(s.get("revenue_total").decimalValue()).isEqualByComparingTo("14786.59");
        assertThat(s.get("first_event_time").asText()).isEqualTo("2019-10-01 00:00:00 UTC");
        assertThat(s.get("last_event_time").asText()).isEqualTo("2019-10-01 02:28:17 UTC");
    }
}
