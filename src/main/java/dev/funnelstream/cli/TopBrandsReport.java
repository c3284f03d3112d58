package dev.funnelstream.cli;

import dev.funnelstream.report.ReportName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code report top-brands}: revenue per brand, highest first. */
@Command(name = "top-brands", description = "Revenue per brand, highest first.")
final class TopBrandsReport implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReportOptions options;

    @Mixin
    PeriodOptions period;

    @Option(names = "--limit", defaultValue = "10", description = "Rows at most. Default: ${DEFAULT-VALUE}")
    int limit;

    @Override
    public Integer call() {
        return options.print(spec, ReportName.TOP_BRANDS, period.query(limit, null, null));
    }
}
