package dev.funnelstream.report;

import java.util.Arrays;

/** The reports, by the name the CLI and the HTTP API use. */
public enum ReportName {
    REVENUE_BY_CATEGORY("revenue-by-category"),
    /** Revenue per top-level category (the part of category_code before the first dot). */
    REVENUE_BY_TOP_CATEGORY("revenue-by-top-category"),
    TOP_BRANDS("top-brands"),
    DAILY_REVENUE("daily-revenue"),
    FUNNEL("funnel"),
    PRODUCTS("products"),
    ABANDONED_CARTS("abandoned-carts"),
    MONTHLY("monthly"),
    /** The scheduled pipeline's runs, from its bookkeeping (not the reporting layer). */
    RUNS("runs"),
    /** Events per UTC minute and event type, from the processed layer (live). */
    EVENTS_PER_MINUTE("events-per-minute", true),
    /** The session funnel over hours of first views, from the processed layer (live). */
    LIVE_FUNNEL("live-funnel", true),
    /** The top products by views in the latest hourly slide, from the processed layer (live). */
    TRENDING_PRODUCTS("trending-products", true),
    /** The ordered session funnel over any period and top-level category, from raw.events (live). */
    CONVERSION_FUNNEL("conversion-funnel", true);

    private final String slug;
    private final boolean live;

    ReportName(String slug) {
        this(slug, false);
    }

    ReportName(String slug, boolean live) {
        this.slug = slug;
        this.live = live;
    }

    public String slug() {
        return slug;
    }

    /** Whether the report reads the processed layer, which the stream keeps current (no transforms first). */
    public boolean live() {
        return live;
    }

    /**
     * How many rows the report shows when no limit is asked, the same for the CLI (its {@code --limit}
     * default) and the HTTP API; null when it shows every row.
     */
    public Integer defaultLimit() {
        return switch (this) {
            case REVENUE_BY_CATEGORY, REVENUE_BY_TOP_CATEGORY -> 15;
            case TOP_BRANDS -> 10;
            case PRODUCTS, ABANDONED_CARTS -> 20;
            default -> null;
        };
    }

    /** The report called {@code slug}, e.g. {@code top-brands}; an unknown name is an IllegalArgumentException. */
    public static ReportName of(String slug) {
        return Arrays.stream(values()).filter(r -> r.slug.equals(slug)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no report named '" + slug + "'"));
    }
}
