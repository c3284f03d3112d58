package dev.funnelstream.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code X --help} and {@code help X}: each command's and each report's own options, exit code 0. */
class HelpOptionTest {

    @Test
    void runHelpShowsRunsOptions() {
        CliRun r = CliRun.inJvm("run", "--help");

        assertHelp(r, "Usage: funnelstream run ");
        assertThat(r.out()).contains("--input", "--speed", "--until-drained", "--data-dir", "--port");
    }

    @Test
    void statusHelpShowsStatusOptions() {
        CliRun r = CliRun.inJvm("status", "--help");

        assertHelp(r, "Usage: funnelstream status ");
        assertThat(r.out()).contains("--data-dir", "--format").doesNotContain("--speed");
    }

    @Test
    void aReportsHelpShowsThatReportsOptions() {
        CliRun funnel = CliRun.inJvm("report", "funnel", "--help");
        CliRun trending = CliRun.inJvm("report", "trending-products", "-h");

        assertHelp(funnel, "Usage: funnelstream report funnel ");
        assertThat(funnel.out()).contains("--category", "--brand", "--from", "--to").doesNotContain("--limit");
        assertHelp(trending, "Usage: funnelstream report trending-products ");
        assertThat(trending.out()).contains("--at").doesNotContain("--from");
    }

    @Test
    void reportHelpListsTheReports() {
        CliRun r = CliRun.inJvm("report", "--help");

        assertHelp(r, "Usage: funnelstream report ");
        assertThat(r.out()).contains("revenue-by-category", "funnel", "trending-products", "conversion-funnel");
    }

    @Test
    void helpCommandGoesDownToAReport() {
        CliRun r = CliRun.inJvm("help", "report", "funnel");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(CliRun.inJvm("report", "funnel", "--help").out());
    }

    @Test
    void helpCommandWithAWrongNameIsOneLineAndExitCode2() {
        CliRun r = CliRun.inJvm("help", "report", "bogus");

        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("funnelstream: unknown report 'bogus'; reports: revenue-by-category, ");
    }

    @Test
    void helpNeedsNoGoodConfigFile() {
        CliRun r = CliRun.inJvm(new ConfigFileDefaults("/no/such/funnelstream.properties"), "status", "--help");

        assertHelp(r, "Usage: funnelstream status ");
    }

    private static void assertHelp(CliRun r, String usageLine) {
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith(usageLine).contains("-h, --help");
    }
}
