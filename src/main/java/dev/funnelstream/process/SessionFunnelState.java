package dev.funnelstream.process;

import java.util.Arrays;

/**
 * One session's place in the ordered funnel, as Flink keeps it: its first view, its cart times,
 * its last purchase, and what was last reported for it. A Flink POJO: public fields, no-arg
 * constructor.
 */
public final class SessionFunnelState {
    static final long NONE = Long.MIN_VALUE;

    /** Earliest view, or NONE. */
    public long firstView = NONE;
    /** Every cart time: an earlier first view arriving late can make an earlier cart count. */
    public long[] carts = new long[0];
    /** Latest purchase, or NONE: bought after the first cart exactly when this is at or after it. */
    public long lastPurchase = NONE;
    /** Latest event of the session, for the state's expiry. */
    public long lastEvent = NONE;
    /** The hour last reported (epoch ms), or NONE when nothing was reported yet. */
    public long reportedHour = NONE;
    public boolean reportedCarted;
    public boolean reportedPurchased;

    public SessionFunnelState() {
    }

    void add(String eventType, long time) {
        switch (eventType) {
            case "view" -> firstView = firstView == NONE ? time : Math.min(firstView, time);
            case "cart" -> {
                carts = Arrays.copyOf(carts, carts.length + 1);
                carts[carts.length - 1] = time;
            }
            case "purchase" -> lastPurchase = Math.max(lastPurchase, time);
            default -> { } // remove_from_cart is not a funnel step
        }
        lastEvent = Math.max(lastEvent, time);
    }

    boolean viewed() {
        return firstView != NONE;
    }

    /** The first cart at or after the first view, or NONE. */
    long firstCart() {
        if (!viewed()) {
            return NONE;
        }
        long first = NONE;
        for (long c : carts) {
            if (c >= firstView && (first == NONE || c < first)) {
                first = c;
            }
        }
        return first;
    }

    long hour() {
        return Math.floorDiv(firstView, 3_600_000L) * 3_600_000L;
    }
}
