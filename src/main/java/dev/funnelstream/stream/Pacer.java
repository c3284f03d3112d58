package dev.funnelstream.stream;

import java.time.Instant;

/**
 * Holds each event back until its place in shop time, scaled by the speed: the gap between two
 * events' times, divided by the factor, is the gap between their sends. Events that arrive out of
 * order (earlier than one already sent) go at once; the clock never runs backwards. At a steady
 * rate, the n-th event is due n / rate seconds after the first, whatever its time.
 */
public final class Pacer {
    private final Speed speed;
    private final Sleeper sleeper;
    private long firstEventMillis = Long.MIN_VALUE;
    private long firstWallNanos;
    private long paced;

    /** What the pacer does to wait; the replayer commits its open transaction before sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    public Pacer(Speed speed, Sleeper sleeper) {
        this.speed = speed;
        this.sleeper = sleeper;
    }

    /** How long to wait before sending an event at {@code eventTime}; 0 when it is due. */
    public long delayNanos(Instant eventTime, long nowNanos) {
        if (speed.isMax()) {
            return 0;
        }
        if (speed.isRate()) {
            if (paced++ == 0) {
                firstWallNanos = nowNanos;
            }
            long dueNanos = firstWallNanos + (long) ((paced - 1) * 1e9 / speed.eventsPerSecond());
            return Math.max(0, dueNanos - nowNanos);
        }
        if (eventTime == null) {
            return 0;
        }
        long eventMillis = eventTime.toEpochMilli();
        if (firstEventMillis == Long.MIN_VALUE) {
            firstEventMillis = eventMillis;
            firstWallNanos = nowNanos;
            return 0;
        }
        long shopNanos = (eventMillis - firstEventMillis) * 1_000_000L;
        long dueNanos = firstWallNanos + (long) (shopNanos / speed.factor());
        return Math.max(0, dueNanos - nowNanos);
    }

    /** Waits until the event at {@code eventTime} is due. */
    public void await(Instant eventTime) throws InterruptedException {
        long delay = delayNanos(eventTime, System.nanoTime());
        // Waits under a millisecond are not worth a sleep; they even out over the next events.
        if (delay >= 1_000_000L) {
            sleeper.sleepNanos(delay);
        }
    }
}
