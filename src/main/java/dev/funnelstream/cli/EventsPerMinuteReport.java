package dev.funnelstream.cli;

import dev.funnelstream.report.ReportName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code report events-per-minute}: live events per UTC minute and event type. */
@Command(name = "events-per-minute", description = {
        "Live: events per UTC minute and event type, by minute, then type.",
        "From the streaming job's per-minute counts. A type with no events in a minute has no row, so the",
        "rows equal counting the landed events by minute and type (less events that reached the stream",
        "behind its watermark). --from/--to take the minutes that start between them."})
final class EventsPerMinuteReport implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReportOptions options;

    @Mixin
    TimePeriodOptions period;

    @Option(names = "--limit", description = "Rows at most (the earliest first). Default: all")
    Integer limit;

    @Override
    public Integer call() {
        return options.print(spec, ReportName.EVENTS_PER_MINUTE, period.query(limit));
    }
}
