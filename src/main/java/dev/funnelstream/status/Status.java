package dev.funnelstream.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What went where, in numbers: the input rows and how each ended (event, duplicate, quarantined),
 * the events by type, revenue and the time span, and how far the loader is behind Kafka.
 * {@code input_rows = events + duplicates + quarantined + in_flight}, with in_flight 0 once drained.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Status(
        @JsonProperty("input_rows") long inputRows,
        @JsonProperty("events") long events,
        @JsonProperty("duplicates") long duplicates,
        @JsonProperty("quarantined") long quarantined,
        @JsonProperty("in_flight") long inFlight,
        @JsonProperty("quarantine_reasons") Map<String, Long> quarantineReasons,
        @JsonProperty("events_by_type") Map<String, Long> eventsByType,
        @JsonProperty("revenue_total") BigDecimal revenueTotal,
        @JsonProperty("first_event_time") String firstEventTime,
        @JsonProperty("last_event_time") String lastEventTime,
        @JsonProperty("kafka_lag") Long kafkaLag,
        @JsonProperty("kafka_lag_measured_at") String kafkaLagMeasuredAt,
        @JsonProperty("live") boolean live,
        @JsonProperty("sources") List<Source> sources) {

    /** The same status, marked as from a running run or not. */
    public Status withLive(boolean isLive) {
        return new Status(inputRows, events, duplicates, quarantined, inFlight, quarantineReasons, eventsByType,
                revenueTotal, firstEventTime, lastEventTime, kafkaLag, kafkaLagMeasuredAt, isLive, sources);
    }

    /** One replayed input. */
    public record Source(
            @JsonProperty("source") String source,
            @JsonProperty("replayed") long replayed,
            @JsonProperty("skipped") long skipped,
            @JsonProperty("complete") boolean complete,
            @JsonProperty("error") String error) {
    }
}
