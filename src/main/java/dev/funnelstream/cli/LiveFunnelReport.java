package dev.funnelstream.cli;

import dev.funnelstream.report.ReportName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code report live-funnel}: the live session funnel, view -> cart -> purchase, over hours of first views. */
@Command(name = "live-funnel", description = {
        "Live: sessions that viewed, then carted, then bought, with step conversions.",
        "From the streaming job's hourly funnel; conversion is from the previous step. A session counts in",
        "the UTC hour of its first view; --from/--to take the hours that start between them."})
final class LiveFunnelReport implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReportOptions options;

    @Mixin
    TimePeriodOptions period;

    @Override
    public Integer call() {
        return options.print(spec, ReportName.LIVE_FUNNEL, period.query(null));
    }
}
