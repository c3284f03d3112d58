package dev.funnelstream.validate;

/**
 * A 64-bit id for an event's identity: equal for exact repeats, different (with overwhelming
 * probability) otherwise. The warehouse matches repeats on this id and the event time together,
 * so a false match needs a 64-bit hash collision between two events of the same second.
 */
public final class EventIdentity {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private EventIdentity() {
    }

    /** The id of the event: a hash of its nine canonical values, each with its length. */
    public static long of(RawEvent e) {
        long h = FNV_OFFSET;
        h = mixLong(h, e.eventTime().getEpochSecond());
        h = mixLong(h, e.eventTime().getNano());
        h = mixLong(h, e.eventType().ordinal());
        h = mixLong(h, e.productId());
        h = mixLong(h, e.categoryId());
        h = mixText(h, e.categoryCode());
        h = mixText(h, e.brand());
        h = mixText(h, e.price().toPlainString());
        h = mixLong(h, e.userId());
        h = mixText(h, e.userSession());
        return finish(h);
    }

    private static long mixLong(long h, long value) {
        for (int i = 0; i < 8; i++) {
            h = (h ^ (value & 0xff)) * FNV_PRIME;
            value >>>= 8;
        }
        return h;
    }

    /** Length first (-1 for null), so no two different sequences of values hash the same input. */
    private static long mixText(long h, String s) {
        if (s == null) {
            return mixLong(h, -1);
        }
        h = mixLong(h, s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            h = (h ^ (c & 0xff)) * FNV_PRIME;
            h = (h ^ (c >>> 8)) * FNV_PRIME;
        }
        return h;
    }

    /** MurmurHash3's finaliser: spreads FNV's weak high bits over the whole word. */
    private static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
