package dev.funnelstream.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.funnelstream.validate.EventTimes;
import dev.funnelstream.validate.EventType;
import dev.funnelstream.validate.EventValidator;
import dev.funnelstream.validate.RawEvent;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The JSON form of a raw event on Kafka, as described by {@code schemas/raw-event.schema.json}:
 * the nine fields, the time as a UTC ISO-8601 instant, ids as integers, price as a number. Both
 * directions run once per event on the replay and the loader, so the usual form is written and read
 * by hand: about two thirds of Jackson's time per event, and 13% less CPU over a whole 5M-event
 * ingest (BENCHMARKS.md).
 */
public final class RawEventJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    // The fields' places in the arrays both readers fill: the schema's order.
    static final int TIME = 0;
    static final int TYPE = 1;
    static final int PRODUCT = 2;
    static final int CATEGORY = 3;
    static final int CATEGORY_CODE = 4;
    static final int BRAND = 5;
    static final int PRICE = 6;
    static final int USER = 7;
    static final int SESSION = 8;
    static final int FIELDS = 9;
    /**
     * What precedes each field's value, in the schema's order ({@code {"event_time":},
     * {@code ,"event_type":} ...), encoded once: the writer writes them and the hand reader expects them.
     */
    static final byte[][] FIELD_PREFIXES = {
        ascii("{\"event_time\":"), ascii(",\"event_type\":"), ascii(",\"product_id\":"),
        ascii(",\"category_id\":"), ascii(",\"category_code\":"), ascii(",\"brand\":"), ascii(",\"price\":"),
        ascii(",\"user_id\":"), ascii(",\"user_session\":")};
    private static final byte[] END = ascii("}");

    private RawEventJson() {
    }

    /** The UTF-8 JSON bytes of an event, its fields in the schema's order, without spaces. */
    public static byte[] write(RawEvent e) {
        JsonBytes out = new JsonBytes(256);
        out.ascii(FIELD_PREFIXES[TIME]).string(EventTimes.isoUtc(e.eventTime()))
                .ascii(FIELD_PREFIXES[TYPE]).string(e.eventType().wireName())
                .ascii(FIELD_PREFIXES[PRODUCT]).number(e.productId())
                .ascii(FIELD_PREFIXES[CATEGORY]).number(e.categoryId())
                .ascii(FIELD_PREFIXES[CATEGORY_CODE]).string(e.categoryCode())
                .ascii(FIELD_PREFIXES[BRAND]).string(e.brand())
                .ascii(FIELD_PREFIXES[PRICE]).ascii(e.price().toPlainString())
                .ascii(FIELD_PREFIXES[USER]).number(e.userId())
                .ascii(FIELD_PREFIXES[SESSION]).string(e.userSession())
                .ascii(END);
        return out.toByteArray();
    }

    /**
     * Reads an event written by {@link #write}, applying the same rules as the validator. Records
     * exactly as {@link #write} makes them are read by hand; any other JSON (spaces, another field
     * order, escapes, non-ASCII text) goes through Jackson, with the same result.
     *
     * @throws IllegalArgumentException with a short reason when the record is not a valid event
     */
    public static RawEvent read(byte[] json) {
        String[] fields = CanonicalEventJson.fields(json);
        return toEvent(fields != null ? fields : jacksonFields(json));
    }

    /** The nine fields' texts, in the schema's order, as Jackson reads them. */
    static String[] jacksonFields(byte[] json) {
        String[] f = new String[FIELDS];
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "event_time" -> f[TIME] = text(p, value);
                    case "event_type" -> f[TYPE] = text(p, value);
                    case "product_id" -> f[PRODUCT] = number(p, value);
                    case "category_id" -> f[CATEGORY] = number(p, value);
                    case "category_code" -> f[CATEGORY_CODE] = text(p, value);
                    case "brand" -> f[BRAND] = text(p, value);
                    // The number's own text: no detour through a double, which would round it.
                    case "price" -> f[PRICE] = number(p, value);
                    case "user_id" -> f[USER] = number(p, value);
                    case "user_session" -> f[SESSION] = text(p, value);
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON");
        }
        return f;
    }

    private static RawEvent toEvent(String[] f) {
        Instant eventTime = EventValidator.parseEventTime(f[TIME]);
        EventType eventType = EventType.fromWireName(f[TYPE]);
        long product = EventValidator.parseId(f[PRODUCT]);
        long category = EventValidator.parseId(f[CATEGORY]);
        long user = EventValidator.parseId(f[USER]);
        BigDecimal amount = EventValidator.parsePrice(f[PRICE]);
        if (eventTime == null || eventType == null || product < 0 || category < 0 || user < 0 || amount == null) {
            throw new IllegalArgumentException("missing or invalid field");
        }
        return new RawEvent(eventTime, eventType, product, category, f[CATEGORY_CODE], f[BRAND], amount, user,
                f[SESSION]);
    }

    private static String text(JsonParser p, JsonToken value) throws IOException {
        return value == JsonToken.VALUE_NULL ? null : p.getValueAsString();
    }

    private static String number(JsonParser p, JsonToken value) throws IOException {
        return value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT ? p.getText() : null;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
