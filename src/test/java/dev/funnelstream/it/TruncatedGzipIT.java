package dev.funnelstream.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A .csv.gz cut short: the rows before the cut are landed and counted, the file is reported; run
 * again, it stops at the same row, and with the whole file in its place the rest lands.
 */
class TruncatedGzipIT {

    @Test
    void rowsBeforeTheCutAreKeptAndTheFileIsReportedInOneLine(@TempDir Path tmp) throws Exception {
        Path whole = tmp.resolve("whole.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(whole))) {
            Files.copy(TestFiles.realSample(), out);
        }
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = tmp.resolve("2019-Oct.csv.gz");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));

        Cli.Result run = Cli.run("run", "--input", cut.toString(), "--speed", "max", "--until-drained",
                "--data-dir", tmp.resolve("data").toString(), "--port", "0", "--format", "json");

        assertThat(run.exitCode()).as("exit code for an input that stopped early").isEqualTo(3);
        String[] errLines = run.err().lines().filter(l -> l.startsWith("funnelstream:")).toArray(String[]::new);
        assertThat(errLines).hasSize(1);
        assertThat(errLines[0]).contains(cut.toString()).containsPattern("row \\d+");
        assertThat(run.err()).doesNotContain("Exception");

        JsonNode s = StatusJson.parse(run.out());
        long input = s.get("input_rows").asLong();
        assertThat(input).isBetween(100L, 5018L);
        assertThat(input).isEqualTo(s.get("events").asLong() + s.get("duplicates").asLong()
                + s.get("quarantined").asLong());
        assertThat(s.get("quarantined").asLong()).as("the partial row in flight is not a row").isZero();
        assertThat(s.get("sources").get(0).get("error").asText()).contains("truncated");
        assertThat(s.get("sources").get(0).get("complete").asBoolean()).as("stopped early, not complete").isFalse();

        // Again with the file still cut: it stops at the same row, nothing counted twice.
        Cli.Result again = runOn(cut, tmp);
        assertThat(again.exitCode()).isEqualTo(3);
        assertThat(StatusJson.parse(again.out()).get("input_rows").asLong()).isEqualTo(input);

        // The whole file in its place: the replay goes on after the rows it sent, and the rest lands.
        Files.copy(whole, cut, StandardCopyOption.REPLACE_EXISTING);
        Cli.Result fixed = runOn(cut, tmp);
        assertThat(fixed.exitCode()).as(fixed.err()).isZero();
        JsonNode after = StatusJson.parse(fixed.out());
        assertThat(after.get("input_rows").asLong()).isEqualTo(5019);
        assertThat(after.get("events").asLong()).isEqualTo(5016);
        assertThat(after.get("duplicates").asLong()).isEqualTo(3);
        assertThat(after.get("sources").get(0).get("complete").asBoolean()).isTrue();
        assertThat(after.get("sources").get(0).has("error") && !after.get("sources").get(0).get("error").isNull())
                .as("the error is gone").isFalse();
    }

    private static Cli.Result runOn(Path input, Path tmp) throws Exception {
        return Cli.run("run", "--input", input.toString(), "--speed", "max", "--until-drained", "--no-flink",
                "--data-dir", tmp.resolve("data").toString(), "--port", "0", "--format", "json");
    }
}
