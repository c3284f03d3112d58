package dev.funnelstream.process;

import java.math.BigDecimal;
import java.util.HashSet;

/**
 * One minute and category's funnel so far, as Flink keeps it: counts, revenue and the sessions
 * seen at each step. A Flink POJO: public fields, no-arg constructor.
 */
public final class MinuteFunnelState {
    public long views;
    public long carts;
    public long removeFromCarts;
    public long purchases;
    public BigDecimal revenue = BigDecimal.ZERO;
    public HashSet<String> viewed = new HashSet<>();
    public HashSet<String> carted = new HashSet<>();
    public HashSet<String> purchased = new HashSet<>();
    /** Changed since the last emit: emitted at the next emit timer (live) or when the minute closes (a drain). */
    public boolean pending;

    public MinuteFunnelState() {
    }

    /** Counts one event. */
    void add(String eventType, BigDecimal price, String session) {
        switch (eventType) {
            case "view" -> {
                views++;
                addSession(viewed, session);
            }
            case "cart" -> {
                carts++;
                addSession(carted, session);
            }
            case "remove_from_cart" -> removeFromCarts++;
            case "purchase" -> {
                purchases++;
                revenue = revenue.add(price);
                addSession(purchased, session);
            }
            default -> throw new IllegalArgumentException("unknown event type " + eventType);
        }
    }

    private static void addSession(HashSet<String> sessions, String session) {
        if (session != null) { // a null session is no session: counted as an event, not as a session
            sessions.add(session);
        }
    }
}
