package dev.funnelstream.report;

import java.util.Arrays;

/** The reports, by the name the CLI and the HTTP API use. */
public enum ReportName {
    REVENUE_BY_CATEGORY("revenue-by-category"),
    TOP_BRANDS("top-brands"),
    DAILY_REVENUE("daily-revenue"),
    FUNNEL("funnel"),
    PRODUCTS("products"),
    ABANDONED_CARTS("abandoned-carts"),
    MONTHLY("monthly"),
    /** The scheduled pipeline's runs, from its bookkeeping (not the reporting layer). */
    RUNS("runs");

    private final String slug;

    ReportName(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    /** The report called {@code slug}, e.g. {@code top-brands}; an unknown name is an IllegalArgumentException. */
    public static ReportName of(String slug) {
        return Arrays.stream(values()).filter(r -> r.slug.equals(slug)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no report named '" + slug + "'"));
    }
}
