package dev.funnelstream.serve;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/** The rate of a growing count over the last few seconds, from samples taken about once a second. */
final class RateMeter {
    private static final long WINDOW_NANOS = 5_000_000_000L;

    private final LongSupplier count;
    private final Deque<long[]> samples = new ArrayDeque<>(); // {nanoTime, count}

    RateMeter(LongSupplier count) {
        this.count = count;
    }

    /** Takes a sample now; call about once a second. */
    synchronized void sample(long nowNanos) {
        samples.addLast(new long[] {nowNanos, count.getAsLong()});
        // Keep one sample older than the window, so the rate spans the whole window.
        while (samples.size() > 2 && nowNanos - second(samples) >= WINDOW_NANOS) {
            samples.removeFirst();
        }
    }

    /** Per second, between the oldest and the newest sample; 0 before two samples. */
    synchronized double perSecond() {
        if (samples.size() < 2) {
            return 0;
        }
        long[] first = samples.peekFirst();
        long[] last = samples.peekLast();
        long nanos = last[0] - first[0];
        return nanos <= 0 ? 0 : (last[1] - first[1]) * 1e9 / nanos;
    }

    private static long second(Deque<long[]> samples) {
        var it = samples.iterator();
        it.next();
        return it.next()[0];
    }
}
