package dev.funnelstream.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.PrintWriter;
import java.util.Map;

/** Prints a {@link Status} as a table for people or as JSON for programs. */
public final class StatusFormat {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StatusFormat() {
    }

    public static String json(Status s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Status fromJson(String json) throws JsonProcessingException {
        return JSON.readValue(json, Status.class);
    }

    public static void table(Status s, PrintWriter out) {
        row(out, "input_rows", s.inputRows());
        row(out, "events", s.events());
        row(out, "duplicates", s.duplicates());
        row(out, "quarantined", s.quarantined());
        if (s.inFlight() > 0) {
            row(out, "in_flight", s.inFlight() + "  (on Kafka, not landed yet)");
        }
        if (!s.quarantineReasons().isEmpty()) {
            row(out, "quarantine_reasons", "");
        }
        for (Map.Entry<String, Long> e : s.quarantineReasons().entrySet()) {
            row(out, "  " + e.getKey(), e.getValue());
        }
        row(out, "events_by_type", "");
        for (Map.Entry<String, Long> e : s.eventsByType().entrySet()) {
            row(out, "  " + e.getKey(), e.getValue());
        }
        row(out, "revenue_total", s.revenueTotal().toPlainString());
        row(out, "first_event_time", s.firstEventTime() == null ? "-" : s.firstEventTime());
        row(out, "last_event_time", s.lastEventTime() == null ? "-" : s.lastEventTime());
        row(out, "kafka_lag", s.kafkaLag() == null ? "unknown"
                : s.kafkaLag() + (s.live() ? "" : "  (as of " + s.kafkaLagMeasuredAt() + ")"));
        row(out, "run", s.live() ? "running" : "not running");
        for (Status.Source src : s.sources()) {
            String state = src.error() != null ? "stopped: " + src.error()
                    : src.complete() ? "complete" : "in progress";
            String skipped = src.skipped() > 0 ? " (" + src.skipped() + " skipped by sampling)" : "";
            out.printf("source  %s: %d rows%s, %s%n", src.source(), src.replayed(), skipped, state);
        }
        out.flush();
    }

    private static void row(PrintWriter out, String name, Object value) {
        out.printf("%-20s %s%n", name, value);
    }
}
