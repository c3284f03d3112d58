package dev.funnelstream.cli;

import dev.funnelstream.report.ReportName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

/** {@code report products}: views, carts, purchases, rates, revenue and abandoned value per product. */
@Command(name = "products", description = {"Views, carts, purchases, rates, revenue and abandoned value per product.",
        "Rates are ratios of counts: cart_to_purchase can exceed 1, as a purchase needs no cart in this data."})
final class ProductsReport implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReportOptions options;

    @Option(names = "--limit", defaultValue = "20", description = "Rows at most. Default: ${DEFAULT-VALUE}")
    int limit;

    @Override
    public Integer call() {
        // Products are all time: the period options are the funnel's and the revenue reports'.
        return options.print(spec, ReportName.PRODUCTS, new PeriodOptions().query(limit, null, null));
    }
}
