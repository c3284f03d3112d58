package dev.funnelstream.cli;

import dev.funnelstream.report.ReportQuery;
import picocli.CommandLine.Option;

/** {@code --from} and {@code --to} of the live reports: whole UTC days or UTC times, both ends inclusive. */
final class TimePeriodOptions {
    @Option(names = "--from", paramLabel = "DAY|TIME", description =
            "Start (inclusive): a UTC day YYYY-MM-DD, a UTC time 'YYYY-MM-DD HH:MM' or an ISO-8601 instant.")
    String from;

    @Option(names = "--to", paramLabel = "DAY|TIME", description = {
            "End (inclusive): a UTC day YYYY-MM-DD (the whole day), a UTC time 'YYYY-MM-DD HH:MM'",
            "(the whole minute) or an ISO-8601 instant."})
    String to;

    /** The query for this period; a bad day, time or limit is a one-line user error. */
    ReportQuery query(Integer limit) {
        return query(limit, null);
    }

    /** The query for this period and top-level category (null: all). */
    ReportQuery query(Integer limit, String category) {
        try {
            return ReportQuery.between(ReportQuery.bound(from, "--from"), ReportQuery.endBound(to, "--to"), limit,
                    category, null);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }
}
