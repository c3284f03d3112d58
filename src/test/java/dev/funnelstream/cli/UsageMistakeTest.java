package dev.funnelstream.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Mistakes in what is named (a report, a command, the config file, a dir): one line on stderr, exit code 2. */
class UsageMistakeTest {
    private static final String REPORTS = "revenue-by-category, revenue-by-top-category, top-brands, daily-revenue,"
            + " funnel, products, abandoned-carts, monthly, events-per-minute, live-funnel, trending-products,"
            + " conversion-funnel";

    @TempDir
    Path tmp;

    @Test
    void anUnknownReportListsTheReports() {
        CliRun r = CliRun.inJvm("report", "bogus");

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("funnelstream: unknown report 'bogus'; reports: " + REPORTS + "\n");
    }

    @Test
    void aMissingReportListsTheReports() {
        CliRun r = CliRun.inJvm("report");

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("funnelstream: name a report; reports: " + REPORTS + "\n");
    }

    @Test
    void anUnknownCommandListsTheCommands() {
        CliRun r = CliRun.inJvm("bogus");

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("funnelstream: unknown command 'bogus'; commands: run, status, generate, report,"
                + " live-job, pipeline, runs, serve, help\n");
    }

    @Test
    void aWordAfterAReportIsStillPicoclisMessage() {
        CliRun r = CliRun.inJvm("report", "funnel", "bogus");

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("funnelstream: Unmatched argument at index 2: 'bogus'\n");
    }

    @Test
    void aBadConfigFileIsOneLineAndExitCode2NoStackTrace() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("conf.d"));
        Map<String, String> expected = Map.of(
                tmp.resolve("missing.properties").toString(),
                "funnelstream: config file not found: " + tmp.resolve("missing.properties") + " (from FUNNELSTREAM_CONFIG)\n",
                "", "funnelstream: FUNNELSTREAM_CONFIG is empty: name a properties file, or unset it\n",
                dir.toString(), "funnelstream: config file " + dir + " is a directory (from FUNNELSTREAM_CONFIG)\n");
        for (Map.Entry<String, String> config : expected.entrySet()) {
            CliRun r = CliRun.process(tmp, Map.of("FUNNELSTREAM_CONFIG", config.getKey()),
                    "status", "--data-dir", tmp.resolve("data").toString());

            assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).isEqualTo(config.getValue());
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void aGoodConfigFileStillSetsDefaults() throws Exception {
        Path config = Files.writeString(tmp.resolve("fs.properties"), "data-dir=" + tmp.resolve("from-config") + "\n");

        CliRun r = CliRun.inJvm(new ConfigFileDefaults(config.toString()), "status");

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("funnelstream: no warehouse in " + tmp.resolve("from-config") + " ");
    }

    @Test
    void aBadValueFromTheConfigFileSaysWhereItCameFrom() throws Exception {
        Path config = Files.writeString(tmp.resolve("fs.properties"), "format=xml\n");

        CliRun fromFile = CliRun.inJvm(new ConfigFileDefaults(config.toString()), "status");
        CliRun typed = CliRun.inJvm(new ConfigFileDefaults(config.toString()), "status", "--format=yaml");

        assertThat(fromFile.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(fromFile.err().lines().findFirst().orElseThrow())
                .startsWith("funnelstream: Invalid value for option '--format'").endsWith("(from config file " + config + ")");
        assertThat(typed.err().lines().findFirst().orElseThrow()).as("a value typed as a flag needs no source")
                .endsWith("but was 'yaml'");
    }

    @Test
    void anUnknownConfigKeyIsWarnedAboutNotSilentlyIgnored() throws Exception {
        Path config = Files.writeString(tmp.resolve("fs.properties"),
                "datadir=/nowhere\ndata-dir=" + tmp.resolve("from-config") + "\nlimit=5\n");

        CliRun r = CliRun.inJvm(new ConfigFileDefaults(config.toString()), "status");

        // data-dir (status) and limit (a report's) are options; datadir is a typo.
        assertThat(r.err()).startsWith("funnelstream: warning: config file " + config
                + ": unknown key 'datadir' (keys are option names without dashes, e.g. data-dir); it is ignored\n"
                + "funnelstream: no warehouse in " + tmp.resolve("from-config") + " ");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aDataDirThatIsAFileSaysSo() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");

        CliRun r = CliRun.inJvm("run", "--data-dir", file.toString(), "--port", "0", "--no-flink",
                "--events", "10", "--until-drained");

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("funnelstream: cannot create data dir " + file + ": it is a file, not a directory\n");
    }

    @Test
    void generateIntoAFileSaysWhyNotThePathAgain() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");

        CliRun r = CliRun.inJvm("generate", "--out", file.resolve("out").toString(), "--events", "10");

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("funnelstream: cannot write to " + file.resolve("out") + ": not a directory\n");
    }

    @Test
    void aDataDirWithASemicolonIsRefusedBeforeDuckDbReadsItAsSettings() {
        Path dir = tmp.resolve("a;access_mode=READ_ONLY");

        for (String[] args : List.of(new String[] {"status", "--data-dir", dir.toString()},
                new String[] {"run", "--data-dir", dir.toString(), "--port", "0", "--no-flink", "--events", "10",
                        "--until-drained"})) {
            CliRun r = CliRun.inJvm(args);

            assertThat(r.code()).as(args[0]).isEqualTo(ExitCodes.USAGE);
            assertThat(r.err()).as(args[0]).startsWith("funnelstream: data dir " + dir.toAbsolutePath() + " has a ';'")
                    .doesNotContain("Exception").hasLineCount(1);
        }
        assertThat(dir).as("nothing was created there").doesNotExist();
    }

    @Test
    void anEmptyOutDirIsRefusedNotTheCurrentDirectory() {
        CliRun r = CliRun.inJvm("generate", "--out", "", "--events", "10");

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("funnelstream: --out must name a directory\n");
    }

    @Test
    void thePipelineRefusesANegativeSampleAndNoAttemptsNamingTheFlag() {
        CliRun negative = CliRun.inJvm("pipeline", "--once", "--sample-per-day", "-1",
                "--data-dir", tmp.resolve("d1").toString());
        assertThat(negative.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(negative.err()).isEqualTo("funnelstream: --sample-per-day must be 0 or more\n");

        CliRun none = CliRun.inJvm("pipeline", "--once", "--retries", "0", "--data-dir", tmp.resolve("d2").toString());
        assertThat(none.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).isEqualTo("funnelstream: --retries must be at least 1 (the attempts per task)\n");
    }

    @Test
    void optionsBeforeAReportNameAskForTheNameNotAboutUnknownOptions() {
        CliRun r = CliRun.inJvm("report", "--data-dir", tmp.toString());

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("funnelstream: name a report before its options; reports: revenue-by-category,")
                .hasLineCount(1);
    }

    @Test
    void anUnknownOptionAtTheTopIsStillSaidAsSuch() {
        CliRun r = CliRun.inJvm("--bogus");

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Unknown option: '--bogus'");
    }

    @Test
    void generateNamesTheFileItCannotWriteNotItsDir() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("gen"));
        Path blocked = Files.createDirectories(out.resolve("2019-Oct.csv.gz"));

        CliRun r = CliRun.inJvm("generate", "--out", out.toString(), "--events", "10", "--months", "2019-10..2019-10");

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("funnelstream: cannot write " + blocked + ": ").hasLineCount(1);
    }
}
