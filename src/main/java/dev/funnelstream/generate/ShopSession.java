package dev.funnelstream.generate;

import java.nio.charset.StandardCharsets;

/** One shopper's visit, planned in full when it starts, then played out event by event. */
final class ShopSession {
    /** Order of planning; breaks ties between sessions with an event in the same second. */
    final long seq;
    final String userId;
    final String uuid;
    /** ",user_id,user_session" and ",user_id," in ASCII: the end of each of its rows. */
    final byte[] suffix;
    final byte[] suffixNoSession;
    private final long[] times;
    private final int[] products;
    private final byte[] kinds;
    private int cursor;

    ShopSession(long seq, long userId, String uuid, long[] times, int[] products, byte[] kinds) {
        this.seq = seq;
        this.userId = Long.toString(userId);
        this.uuid = uuid;
        this.suffixNoSession = (',' + this.userId + ',').getBytes(StandardCharsets.US_ASCII);
        this.suffix = (',' + this.userId + ',' + uuid).getBytes(StandardCharsets.US_ASCII);
        this.times = times;
        this.products = products;
        this.kinds = kinds;
    }

    int size() {
        return times.length;
    }

    /** Epoch second of the current event. */
    long time() {
        return times[cursor];
    }

    int product() {
        return products[cursor];
    }

    byte kind() {
        return kinds[cursor];
    }

    /** Moves to the next event; false when the session is over. */
    boolean advance() {
        return ++cursor < times.length;
    }

    /** True when this session's current event comes before {@code other}'s. */
    boolean before(ShopSession other) {
        long t = times[cursor];
        long o = other.times[other.cursor];
        return t < o || (t == o && seq < other.seq);
    }
}
