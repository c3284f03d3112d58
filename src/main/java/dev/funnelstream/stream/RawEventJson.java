package dev.funnelstream.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnelstream.validate.EventType;
import dev.funnelstream.validate.EventValidator;
import dev.funnelstream.validate.RawEvent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The JSON form of a raw event on Kafka, as described by {@code schemas/raw-event.schema.json}:
 * the nine fields, the time as a UTC ISO-8601 instant, ids as integers, price as a number.
 */
public final class RawEventJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RawEventJson() {
    }

    /** The UTF-8 JSON bytes of an event. */
    public static byte[] write(RawEvent e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("event_time", e.eventTime().toString());
            g.writeStringField("event_type", e.eventType().wireName());
            g.writeNumberField("product_id", e.productId());
            g.writeNumberField("category_id", e.categoryId());
            g.writeStringField("category_code", e.categoryCode());
            g.writeStringField("brand", e.brand());
            g.writeFieldName("price");
            g.writeNumber(e.price().toPlainString());
            g.writeNumberField("user_id", e.userId());
            g.writeStringField("user_session", e.userSession());
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex); // writing to memory does not fail
        }
        return out.toByteArray();
    }

    /**
     * Reads an event written by {@link #write}, applying the same rules as the validator.
     *
     * @throws IllegalArgumentException with a short reason when the record is not a valid event
     */
    public static RawEvent read(byte[] json) {
        JsonNode n;
        try {
            n = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON");
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        Instant time = EventValidator.parseEventTime(text(n, "event_time"));
        EventType type = EventType.fromWireName(text(n, "event_type"));
        long productId = EventValidator.parseId(number(n, "product_id"));
        long categoryId = EventValidator.parseId(number(n, "category_id"));
        long userId = EventValidator.parseId(number(n, "user_id"));
        BigDecimal price = EventValidator.parsePrice(number(n, "price"));
        if (time == null || type == null || productId < 0 || categoryId < 0 || userId < 0 || price == null) {
            throw new IllegalArgumentException("missing or invalid field");
        }
        return new RawEvent(time, type, productId, categoryId, text(n, "category_code"),
                text(n, "brand"), price, userId, text(n, "user_session"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber()) {
            return null;
        }
        return v.isIntegralNumber() ? v.bigIntegerValue().toString() : v.decimalValue().toPlainString();
    }
}
