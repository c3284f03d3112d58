package dev.funnelstream.stream;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Live counters of a replay, read by the progress display, status and the dashboard. */
public final class ReplayStats {
    /** Rows put on Kafka (events and quarantined rows) by this process. */
    public final AtomicLong replayed = new AtomicLong();
    public final AtomicLong events = new AtomicLong();
    public final AtomicLong quarantined = new AtomicLong();
    public final AtomicLong skipped = new AtomicLong();
    /** Event time of the last event sent, in epoch millis (the replay clock). */
    public final AtomicLong clockMillis = new AtomicLong(Long.MIN_VALUE);
    public final AtomicReference<String> currentSource = new AtomicReference<>();
    /** Expected rows in all, for the ETA; -1 when unknown. */
    public final AtomicLong expectedRows = new AtomicLong(-1);
    private volatile boolean finished;

    public boolean finished() {
        return finished;
    }

    void markFinished() {
        finished = true;
    }
}
