package dev.funnelstream.cli;

import picocli.CommandLine.Command;

/** {@code report}: the reporting layer's reports, from a running run or from the warehouse file. */
@Command(name = "report", description = "Print a report: revenue, brands, days, funnel, products, carts, months.",
        subcommands = {RevenueByCategoryReport.class, TopBrandsReport.class, DailyRevenueReport.class,
                FunnelReport.class, ProductsReport.class, AbandonedCartsReport.class, MonthlyReport.class})
final class ReportCommand {
}
