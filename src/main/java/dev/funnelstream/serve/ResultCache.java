package dev.funnelstream.serve;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * The dashboard's answers, each computed at most once per max age however many pages ask. An answer
 * older than that is still served while one background refresh runs (stale while revalidate), so
 * a slow query, such as a funnel over months of raw events, never holds up a request after its
 * first. Only the first request for a key waits for the query. At most 500 answers are kept, each
 * one the owner calls keepable (for text, up to 64 KB: about 32 MB at worst).
 *
 * @param <T> an answer
 */
final class ResultCache<T> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ResultCache.class);
    /** Distinct queries kept; past this the cache starts over rather than grow without bound. */
    private static final int MAX_KEYS = 500;
    /** Texts larger than this (a report of thousands of rows) are computed per request, not kept. */
    static final int MAX_KEPT_CHARS = 64 * 1024;

    private final long maxAgeNanos;
    private final Predicate<T> keepable;
    private final ConcurrentHashMap<String, Slot<T>> slots = new ConcurrentHashMap<>();
    private final ExecutorService refresher = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "dashboard-refresh");
        t.setDaemon(true);
        return t;
    });

    /** A cache of texts up to {@link #MAX_KEPT_CHARS}. */
    static ResultCache<String> ofText(long maxAgeMillis) {
        return new ResultCache<>(maxAgeMillis, body -> body.length() <= MAX_KEPT_CHARS);
    }

    /** @param keepable whether an answer may be kept and served again (others are answered once) */
    ResultCache(long maxAgeMillis, Predicate<T> keepable) {
        this.maxAgeNanos = maxAgeMillis * 1_000_000L;
        this.keepable = keepable;
    }

    /** The answer for {@code key}: computed now if there is none yet, else the latest one. */
    T get(String key, Callable<T> compute) throws Exception {
        if (slots.size() > MAX_KEYS) {
            slots.clear();
        }
        Slot<T> slot = slots.computeIfAbsent(key, k -> new Slot<>());
        Answer<T> answer = slot.answer;
        if (answer == null) {
            synchronized (slot) {
                if (slot.answer == null) {
                    T body = compute.call();
                    if (!keepable.test(body)) {
                        slots.remove(key, slot);
                        return body;
                    }
                    slot.answer = new Answer<>(body, System.nanoTime());
                }
                return slot.answer.body;
            }
        }
        if (System.nanoTime() - answer.computedAt >= maxAgeNanos && slot.refreshing.compareAndSet(false, true)) {
            try {
                refresher.execute(() -> refresh(key, slot, compute));
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                slot.refreshing.set(false); // the server is closing: the last answer will do
            }
        }
        return answer.body;
    }

    private void refresh(String key, Slot<T> slot, Callable<T> compute) {
        try {
            T body = compute.call();
            if (keepable.test(body)) {
                slot.answer = new Answer<>(body, System.nanoTime());
            } // else the last answer stays, as on a failure
        } catch (Exception e) {
            // The last answer stays; the next request after max age tries again.
            log.debug("Refreshing {} failed: {}", key, e.toString());
        } finally {
            slot.refreshing.set(false);
        }
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        try {
            // A refresh may still be on a warehouse connection, and the warehouse closes next.
            refresher.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Answer<T>(T body, long computedAt) {
    }

    private static final class Slot<T> {
        volatile Answer<T> answer;
        final AtomicBoolean refreshing = new AtomicBoolean();
    }
}
