package dev.funnelstream.cli;

import dev.funnelstream.report.ReportFormat;
import dev.funnelstream.report.ReportName;
import dev.funnelstream.report.ReportQuery;
import dev.funnelstream.report.ReportTable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/** The options every report takes ({@code --format}, {@code --data-dir}), and printing its result. */
final class ReportOptions {
    @Mixin
    DataDirOption dataDir;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json. Default: ${DEFAULT-VALUE}")
    OutputFormat format;

    /** Fetches the report (from the run, or the file) and prints it in the chosen format. */
    int print(CommandSpec spec, ReportName name, ReportQuery query) {
        ReportTable table = new ReportSource(dataDir.dataDir).fetch(name, query);
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case csv -> ReportFormat.csv(table, out);
            case json -> {
                out.println(ReportFormat.json(table));
                out.flush();
            }
            default -> ReportFormat.table(table, out);
        }
        return ExitCodes.OK;
    }
}
