package dev.funnelstream.cli;

import picocli.CommandLine.Command;

/** {@code report}: the reporting and processed layers' reports, from a running run or from the warehouse file. */
@Command(name = "report", description = {"Print a report: revenue, brands, days, funnel, products, carts, months;",
        "live (from the streaming job): events per minute, the live funnel, trending products;",
        "live (from the raw layer): the conversion funnel over any period and category."},
        subcommands = {RevenueByCategoryReport.class, RevenueByTopCategoryReport.class, TopBrandsReport.class, DailyRevenueReport.class,
                FunnelReport.class, ProductsReport.class, AbandonedCartsReport.class, MonthlyReport.class,
                EventsPerMinuteReport.class, LiveFunnelReport.class, TrendingProductsReport.class, ConversionFunnelReport.class})
final class ReportCommand {
}
