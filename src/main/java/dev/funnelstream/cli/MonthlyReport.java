package dev.funnelstream.cli;

import dev.funnelstream.report.ReportName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code report monthly}: events, users, sessions, revenue and conversion per UTC month. */
@Command(name = "monthly", description = {"Events, users, sessions, revenue and conversion per UTC month.",
        "Rows are whole months: --from and --to pick every month they touch (distinct users and sessions do not"
                + " add up over days, so a part of a month cannot be shown)."})
final class MonthlyReport implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReportOptions options;

    @Mixin
    PeriodOptions period;

    @Override
    public Integer call() {
        return options.print(spec, ReportName.MONTHLY, period.query(null, null, null));
    }
}
