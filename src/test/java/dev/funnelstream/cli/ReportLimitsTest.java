package dev.funnelstream.cli;

import dev.funnelstream.report.ReportName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP API shows as many rows as the CLI when no limit is asked: both take ReportName's default. */
class ReportLimitsTest {
    @Test
    void everyReportsLimitDefaultIsReportNamesDefault() {
        Map<String, CommandLine> reports = new CommandLine(new ReportCommand()).getSubcommands();
        assertThat(reports).isNotEmpty();
        for (Map.Entry<String, CommandLine> r : reports.entrySet()) {
            if (r.getKey().equals("help")) {
                continue;
            }
            OptionSpec limit = r.getValue().getCommandSpec().findOption("--limit");
            Integer cliDefault = limit == null || limit.defaultValue() == null ? null : Integer.valueOf(limit.defaultValue());
            assertThat(cliDefault).as(r.getKey()).isEqualTo(ReportName.of(r.getKey()).defaultLimit());
        }
    }
}
