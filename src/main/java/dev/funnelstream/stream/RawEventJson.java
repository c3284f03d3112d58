package dev.funnelstream.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.funnelstream.validate.EventTimes;
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
 * the nine fields, the time as a UTC ISO-8601 instant, ids as integers, price as a number. Both
 * directions stream (no object tree): they run once per event on the replay and the loader.
 */
public final class RawEventJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private RawEventJson() {
    }

    /** The UTF-8 JSON bytes of an event. */
    public static byte[] write(RawEvent e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("event_time", EventTimes.isoUtc(e.eventTime()));
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
        String time = null;
        String type = null;
        String productId = null;
        String categoryId = null;
        String categoryCode = null;
        String brand = null;
        String price = null;
        String userId = null;
        String session = null;
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "event_time" -> time = text(p, value);
                    case "event_type" -> type = text(p, value);
                    case "product_id" -> productId = number(p, value);
                    case "category_id" -> categoryId = number(p, value);
                    case "category_code" -> categoryCode = text(p, value);
                    case "brand" -> brand = text(p, value);
                    // The number's own text: no detour through a double, which would round it.
                    case "price" -> price = number(p, value);
                    case "user_id" -> userId = number(p, value);
                    case "user_session" -> session = text(p, value);
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON");
        }
        Instant eventTime = EventValidator.parseEventTime(time);
        EventType eventType = EventType.fromWireName(type);
        long product = EventValidator.parseId(productId);
        long category = EventValidator.parseId(categoryId);
        long user = EventValidator.parseId(userId);
        BigDecimal amount = EventValidator.parsePrice(price);
        if (eventTime == null || eventType == null || product < 0 || category < 0 || user < 0 || amount == null) {
            throw new IllegalArgumentException("missing or invalid field");
        }
        return new RawEvent(eventTime, eventType, product, category, categoryCode, brand, amount, user, session);
    }

    private static String text(JsonParser p, JsonToken value) throws IOException {
        return value == JsonToken.VALUE_NULL ? null : p.getValueAsString();
    }

    private static String number(JsonParser p, JsonToken value) throws IOException {
        return value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT ? p.getText() : null;
    }
}
