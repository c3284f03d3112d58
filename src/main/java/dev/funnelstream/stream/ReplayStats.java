package dev.funnelstream.stream;

import dev.funnelstream.read.RowSource;

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
    /** Bytes of all file inputs, and of those finished; -1 when some input is not a file. */
    public final AtomicLong bytesTotal = new AtomicLong(-1);
    public final AtomicLong bytesFinished = new AtomicLong();
    /** Rows replayed by earlier runs of inputs this run resumes. */
    public final AtomicLong resumedRows = new AtomicLong();
    private volatile RowSource reading;
    private volatile boolean sized;
    private volatile boolean finished;

    /** Bytes read of all file inputs so far. */
    public long bytesRead() {
        RowSource r = reading;
        long current = r == null ? 0 : Math.max(0, r.bytesRead());
        return bytesFinished.get() + current;
    }

    /** True once the replay has said how much there is to do. */
    public boolean sized() {
        return sized;
    }

    void markSized() {
        sized = true;
    }

    void reading(RowSource source) {
        reading = source;
    }

    public boolean finished() {
        return finished;
    }

    public void markFinished() {
        finished = true;
    }
}
