package dev.funnelstream.pipeline;

import java.time.Duration;

/**
 * How a failed task is tried again: up to {@code attempts} in all, waiting {@code backoff}, then
 * twice that, and so on.
 */
public record Retry(int attempts, Duration backoff) {
    public static final Retry DEFAULT = new Retry(3, Duration.ofSeconds(5));

    public Retry {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    /** The wait before attempt {@code next} (2, 3, ...). */
    Duration before(int next) {
        return backoff.multipliedBy(1L << Math.min(next - 2, 10));
    }
}
