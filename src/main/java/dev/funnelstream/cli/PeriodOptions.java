package dev.funnelstream.cli;

import dev.funnelstream.report.ReportQuery;
import picocli.CommandLine.Option;

import java.time.LocalDate;

/** {@code --from} and {@code --to}: an inclusive period of UTC days. */
final class PeriodOptions {
    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First UTC day (inclusive).")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last UTC day (inclusive).")
    String to;

    /** The query for this period; a bad date or limit is a one-line user error. */
    ReportQuery query(Integer limit, String category, String brand) {
        try {
            LocalDate first = ReportQuery.day(from, "--from");
            LocalDate last = ReportQuery.day(to, "--to");
            return new ReportQuery(first, last, limit, category, brand);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }
}
