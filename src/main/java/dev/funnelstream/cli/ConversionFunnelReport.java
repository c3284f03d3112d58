package dev.funnelstream.cli;

import dev.funnelstream.report.ReportName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code report conversion-funnel}: the dashboard's funnel, over any period and top-level category. */
@Command(name = "conversion-funnel", description = {
        "Live: sessions that viewed, then carted, then bought, with step conversion and drop-off.",
        "From the raw layer as landed so far; a session counts by its events inside the period",
        "(and category), so a period may be a single hour of the stream."})
final class ConversionFunnelReport implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReportOptions options;

    @Mixin
    TimePeriodOptions period;

    @Option(names = "--category", paramLabel = "NAME",
            description = "Only events of this top-level category, e.g. electronics ('unknown' for none).")
    String category;

    @Override
    public Integer call() {
        return options.print(spec, ReportName.CONVERSION_FUNNEL, period.query(null, category));
    }
}
