package dev.funnelstream.cli;

import dev.funnelstream.report.ReportName;
import dev.funnelstream.report.ReportQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code report trending-products}: the live top 10 products by views over the last hour of one slide. */
@Command(name = "trending-products", description = {
        "Live: the top 10 products by views over an hour, from the latest 5-minute slide.",
        "The slide is the latest whose window_end (UTC) is at or before --at. rank_change is the move up",
        "since the slide before ('new' in the table, empty in CSV, null in JSON: not ranked then)."})
final class TrendingProductsReport implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReportOptions options;

    @Option(names = "--at", paramLabel = "TIME|DAY", description = {
            "A UTC time 'YYYY-MM-DD HH:MM', an ISO-8601 instant, or a UTC day YYYY-MM-DD (its end).",
            "Default: the slide that takes in the newest events (not the emptier ones emitted for the hour after).",
            "While a run is live: the latest complete slide."})
    String at;

    @Override
    public Integer call() {
        ReportQuery query;
        try {
            // The slide's time is the end of an open period: the HTTP API carries it as 'to'.
            query = ReportQuery.between(null, ReportQuery.bound(at, "--at"), null, null, null);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        return options.print(spec, ReportName.TRENDING_PRODUCTS, query);
    }
}
