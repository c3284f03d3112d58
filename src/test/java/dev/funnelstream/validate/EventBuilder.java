package dev.funnelstream.validate;

import java.math.BigDecimal;
import java.time.Instant;

/** A typical valid {@link RawEvent} that a test changes one value at a time. */
public final class EventBuilder {
    private Instant eventTime = Instant.parse("2019-10-01T00:00:00Z");
    private EventType eventType = EventType.VIEW;
    private long productId = 44600062L;
    private long categoryId = 2103807459595387724L;
    private String categoryCode = "appliances.environment.water_heater";
    private String brand = "shiseido";
    private BigDecimal price = new BigDecimal("35.79");
    private long userId = 541312140L;
    private String userSession = "72d76fde-8bb3-4e00-8c23-a032dfed738c";

    private EventBuilder() {
    }

    public static EventBuilder anEvent() {
        return new EventBuilder();
    }

    public EventBuilder eventTime(String isoInstant) {
        return eventTime(Instant.parse(isoInstant));
    }

    public EventBuilder eventTime(Instant value) {
        eventTime = value;
        return this;
    }

    public EventBuilder eventType(EventType value) {
        eventType = value;
        return this;
    }

    public EventBuilder productId(long value) {
        productId = value;
        return this;
    }

    public EventBuilder categoryId(long value) {
        categoryId = value;
        return this;
    }

    public EventBuilder categoryCode(String value) {
        categoryCode = value;
        return this;
    }

    public EventBuilder brand(String value) {
        brand = value;
        return this;
    }

    public EventBuilder price(String value) {
        price = new BigDecimal(value);
        return this;
    }

    public EventBuilder userId(long value) {
        userId = value;
        return this;
    }

    public EventBuilder userSession(String value) {
        userSession = value;
        return this;
    }

    public RawEvent build() {
        return new RawEvent(eventTime, eventType, productId, categoryId, categoryCode, brand, price, userId,
                userSession);
    }
}
