package dev.funnelstream.cli;

import dev.funnelstream.report.ReportName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code report daily-revenue}: revenue per UTC day. */
@Command(name = "daily-revenue", description = "Revenue per UTC day.")
final class DailyRevenueReport implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReportOptions options;

    @Mixin
    PeriodOptions period;

    @Override
    public Integer call() {
        return options.print(spec, ReportName.DAILY_REVENUE, period.query(null, null, null));
    }
}
