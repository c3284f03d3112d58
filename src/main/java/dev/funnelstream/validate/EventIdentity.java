package dev.funnelstream.validate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A 64-bit id for an event's identity: equal for exact repeats, different (with overwhelming
 * probability) otherwise. The warehouse matches repeats on this id and the event time together,
 * which makes a false match need a hash collision within the same second.
 */
public final class EventIdentity {
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    });

    private EventIdentity() {
    }

    /** The id of the event: the first 8 bytes of SHA-256 over its nine canonical values. */
    public static long of(RawEvent e) {
        StringBuilder sb = new StringBuilder(160);
        sb.append(e.eventTime().getEpochSecond()).append(':').append(e.eventTime().getNano());
        field(sb, e.eventType().wireName());
        field(sb, Long.toString(e.productId()));
        field(sb, Long.toString(e.categoryId()));
        field(sb, e.categoryCode());
        field(sb, e.brand());
        field(sb, e.price().toPlainString());
        field(sb, Long.toString(e.userId()));
        field(sb, e.userSession());
        byte[] digest = SHA256.get().digest(sb.toString().getBytes(StandardCharsets.UTF_8));
        long id = 0;
        for (int i = 0; i < 8; i++) {
            id = (id << 8) | (digest[i] & 0xff);
        }
        return id;
    }

    private static void field(StringBuilder sb, String value) {
        // \u0001 separates fields and \u0000 stands for null, so null and "" and "a,b" never collide.
        sb.append('\u0001');
        if (value == null) {
            sb.append('\u0000');
        } else {
            sb.append(value);
        }
    }
}
