package dev.funnelstream.serve;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code /metrics} in Prometheus' text format: records landed, loader lag, quarantined rows,
 * freshness, the streaming job's checkpoint age, and the latency of every HTTP route.
 */
final class Metrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    Metrics(DashboardService dashboard) {
        LiveFeed feed = dashboard.feed();
        FunctionCounter.builder("funnelstream_records_landed", feed, LiveFeed::recordsLanded)
                .description("Records (events, duplicates, quarantined rows) landed by this process's loader")
                .register(registry);
        gauge("funnelstream_loader_lag_records", "Records on Kafka not landed yet", feed::loaderLag);
        gauge("funnelstream_freshness_seconds", "How far the landed data is behind Kafka", feed::freshnessSeconds);
        gauge("funnelstream_flink_checkpoint_age_seconds", "Seconds since the streaming job's newest checkpoint",
                feed::checkpointAgeSeconds);
        gauge("funnelstream_quarantined_rows", "Rows quarantined in the raw layer",
                () -> from(dashboard, DashboardService.Header::quarantinedRows));
        gauge("funnelstream_events_per_second", "Records landed per second over the last seconds",
                () -> from(dashboard, DashboardService.Header::eventsPerSecond));
    }

    /** Times one request of a route (its path template, so ids do not explode the series). */
    void record(String route, String outcome, long nanos) {
        Timer.builder("funnelstream_http_requests")
                .description("HTTP request latency by route")
                .tag("route", route).tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    String scrape() {
        return registry.scrape();
    }

    private void gauge(String name, String description, Supplier<? extends Number> value) {
        Gauge.builder(name, () -> {
            Number n = value.get();
            return n == null ? Double.NaN : n.doubleValue();
        }).description(description).register(registry);
    }

    /** A value of the header as last read (at most half a second old); null when the warehouse cannot answer now. */
    private static Number from(DashboardService dashboard, Function<DashboardService.Header, Number> value) {
        try {
            return value.apply(dashboard.header());
        } catch (SQLException e) {
            return null;
        }
    }
}
