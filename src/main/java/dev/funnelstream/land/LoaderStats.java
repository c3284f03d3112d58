package dev.funnelstream.land;

import dev.funnelstream.warehouse.RawBatch;
import org.apache.kafka.common.TopicPartition;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** What the loader has landed so far in this process, for status, health and metrics. */
public final class LoaderStats {
    public final AtomicLong batches = new AtomicLong();
    public final AtomicLong records = new AtomicLong();
    private volatile Map<TopicPartition, Long> landed = Map.of();
    private volatile Long lag;

    void setLanded(Map<TopicPartition, Long> positions) {
        landed = Map.copyOf(positions);
    }

    void recordBatch(RawBatch batch, Map<TopicPartition, Long> positions, Long lag) {
        batches.incrementAndGet();
        records.addAndGet(batch.recordCount());
        this.landed = Map.copyOf(positions);
        if (lag != null) {
            this.lag = lag;
        }
    }

    /** The next offset per partition that is not yet landed. */
    public Map<TopicPartition, Long> landed() {
        return landed;
    }

    /** Records on Kafka not yet landed, at the last measurement; null before the first. */
    public Long lag() {
        return lag;
    }
}
