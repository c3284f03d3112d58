package dev.funnelstream.cli;

import dev.funnelstream.report.ReportName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code report revenue-by-top-category}: revenue per top-level category, highest first. */
@Command(name = "revenue-by-top-category", description = "Revenue per top-level category (category_code before its first dot), highest first.")
final class RevenueByTopCategoryReport implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReportOptions options;

    @Mixin
    PeriodOptions period;

    @Option(names = "--limit", defaultValue = "15", description = "Rows at most. Default: ${DEFAULT-VALUE}")
    int limit;

    @Override
    public Integer call() {
        return options.print(spec, ReportName.REVENUE_BY_TOP_CATEGORY, period.query(limit, null, null));
    }
}
