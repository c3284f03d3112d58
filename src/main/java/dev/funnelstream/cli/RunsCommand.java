package dev.funnelstream.cli;

import dev.funnelstream.report.ReportName;
import dev.funnelstream.report.ReportQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code runs}: every run of the scheduled pipeline: segment, task, attempt, start, end, rows, status, error. */
@Command(name = "runs", description = "Show the scheduled pipeline's runs (segment, task, start, end, rows, status, error).")
final class RunsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReportOptions options;

    @Override
    public Integer call() {
        return options.print(spec, ReportName.RUNS, ReportQuery.all());
    }
}
