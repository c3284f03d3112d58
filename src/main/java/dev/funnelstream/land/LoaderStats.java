package dev.funnelstream.land;

import dev.funnelstream.warehouse.RawBatch;
import org.apache.kafka.common.TopicPartition;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** What the loader has landed so far in this process, for status, health and metrics. */
public final class LoaderStats {
    public final AtomicLong batches = new AtomicLong();
    /** Kafka records landed, progress records included. */
    public final AtomicLong records = new AtomicLong();
    /** Input rows landed: events (repeats included) and quarantined rows, as the replay counts them. */
    public final AtomicLong rows = new AtomicLong();
    private volatile Map<TopicPartition, Long> landed = Map.of();
    private volatile Long lag;
    /** Kafka append time of the newest record landed, and when it was landed (epoch ms; 0: none yet). */
    private volatile long newestAppendMillis;
    private volatile long landedAtMillis;

    void setLanded(Map<TopicPartition, Long> positions) {
        landed = Map.copyOf(positions);
    }

    void recordBatch(RawBatch batch, Map<TopicPartition, Long> positions, Long lag, long newestAppendMillis) {
        batches.incrementAndGet();
        if (newestAppendMillis > 0) {
            this.newestAppendMillis = newestAppendMillis;
            this.landedAtMillis = System.currentTimeMillis();
        }
        records.addAndGet(batch.recordCount());
        rows.addAndGet(batch.events().size() + batch.quarantined().size());
        this.landed = Map.copyOf(positions);
        if (lag != null) {
            this.lag = lag;
        }
    }

    /** The next offset per partition that is not yet landed. */
    public Map<TopicPartition, Long> landed() {
        return landed;
    }

    /**
     * How far the warehouse is behind what was written to Kafka, in seconds: when caught up, how long
     * the newest landed record took from Kafka to the warehouse; while records wait, the age of the
     * newest landed one (the waiting ones are younger). Null before anything was landed.
     */
    public Double freshnessSeconds(long nowMillis) {
        if (newestAppendMillis == 0) {
            return null;
        }
        long behind = lag != null && lag == 0 ? landedAtMillis - newestAppendMillis : nowMillis - newestAppendMillis;
        return Math.max(0, behind) / 1000.0;
    }

    /** Records on Kafka not yet landed, at the last measurement; null before the first. */
    public Long lag() {
        return lag;
    }
}
