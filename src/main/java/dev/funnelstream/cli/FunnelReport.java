package dev.funnelstream.cli;

import dev.funnelstream.report.ReportName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code report funnel}: sessions at view, cart and purchase, in that order within a session. */
@Command(name = "funnel", description = {
        "Sessions that viewed, then carted, then bought, with step conversions.",
        "With --from/--to only the events inside the period count."})
final class FunnelReport implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReportOptions options;

    @Mixin
    PeriodOptions period;

    @Option(names = "--category", paramLabel = "CODE", description = "Only events of this category_code ('unknown' for none).")
    String category;

    @Option(names = "--brand", paramLabel = "BRAND", description = "Only events of this brand ('unknown' for none).")
    String brand;

    @Override
    public Integer call() {
        return options.print(spec, ReportName.FUNNEL, period.query(null, category, brand));
    }
}
