package dev.funnelstream.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Reads the JSON that {@code status} and the reports print with {@code --format json}. */
final class StatusJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StatusJson() {
    }

    static JsonNode parse(String text) {
        try {
            int object = text.indexOf('{');
            int array = text.indexOf('[');
            int start = object < 0 ? array : array < 0 ? object : Math.min(object, array);
            return JSON.readTree(text.substring(start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The counts that must not depend on how the run was interrupted. */
    static String books(JsonNode s) {
        return "input_rows=" + s.get("input_rows") + " events=" + s.get("events")
                + " duplicates=" + s.get("duplicates") + " quarantined=" + s.get("quarantined")
                + " by_type=" + s.get("events_by_type") + " reasons=" + s.get("quarantine_reasons")
                + " revenue=" + s.get("revenue_total") + " first=" + s.get("first_event_time")
                + " last=" + s.get("last_event_time");
    }
}
