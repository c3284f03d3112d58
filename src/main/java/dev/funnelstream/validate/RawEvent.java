package dev.funnelstream.validate;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One valid shop event: the nine REES46 values, parsed. Two events are the same event exactly when
 * their nine values are equal, with the price compared as a number (12.5 equals 12.50).
 */
public record RawEvent(
        Instant eventTime,
        EventType eventType,
        long productId,
        long categoryId,
        String categoryCode,
        String brand,
        BigDecimal price,
        long userId,
        String userSession) {

    public RawEvent {
        // One canonical scale, so that equals() and the event identity treat 12.5 and 12.50 alike.
        price = canonicalPrice(price);
    }

    /** The price without trailing zeros, at scale 0 at least (so 120 stays 120, not 1.2E+2). */
    static BigDecimal canonicalPrice(BigDecimal price) {
        BigDecimal stripped = price.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
