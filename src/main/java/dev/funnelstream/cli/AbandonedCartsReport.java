package dev.funnelstream.cli;

import dev.funnelstream.report.ReportName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code report abandoned-carts}: sessions that carted and never bought, by value (period: day of the last cart). */
@Command(name = "abandoned-carts", description = "Sessions that carted and never bought, by value (period: day of the last cart).")
final class AbandonedCartsReport implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReportOptions options;

    @Mixin
    PeriodOptions period;

    @Option(names = "--limit", defaultValue = "20", description = "Rows at most. Default: ${DEFAULT-VALUE}")
    int limit;

    @Override
    public Integer call() {
        return options.print(spec, ReportName.ABANDONED_CARTS, period.query(limit, null, null));
    }
}
