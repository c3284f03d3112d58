package dev.funnelstream.land;

import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Notices rows that the {@link ProgressGate} holds for good: rows marked as counted by a replay
 * whose progress record never comes, for instance rows copied from another cluster without the
 * progress topic. They stay in Kafka, unlanded, with the rows behind them in their partition; only
 * the lag would show it, so the loader logs a warning instead.
 * <p>
 * The replay commits its rows and the progress record that counts them in one transaction, and the
 * loader reads committed records only, so once the progress topic is read to its end every
 * committed count is known: a partition whose first held row has not moved since then, for a
 * while, will not move.
 */
final class HeldRowsWatch {
    /** How long a partition's first held row may stay put with the progress topic read to its end. */
    static final long QUIET_NANOS = 30_000_000_000L;

    private final Map<TopicPartition, Head> heads = new HashMap<>();

    /**
     * Takes one look at the held rows.
     *
     * @param now               {@link System#nanoTime()}
     * @param firstHeld         the offset of the first held row of each partition that holds rows
     * @param progressReadToEnd whether the loader has read the progress topic to its end
     * @return the partitions whose first held row has stayed put for {@link #QUIET_NANOS} with the
     *         progress topic read to its end; each stall is reported once
     */
    List<TopicPartition> stalled(long now, Map<TopicPartition, Long> firstHeld, boolean progressReadToEnd) {
        if (!progressReadToEnd) {
            heads.clear();
            return List.of();
        }
        heads.keySet().retainAll(firstHeld.keySet());
        List<TopicPartition> out = new ArrayList<>();
        firstHeld.forEach((tp, offset) -> {
            Head head = heads.get(tp);
            if (head == null || head.offset != offset) {
                heads.put(tp, new Head(offset, now));
            } else if (!head.reported && now - head.since >= QUIET_NANOS) {
                head.reported = true;
                out.add(tp);
            }
        });
        return out;
    }

    private static final class Head {
        final long offset;
        final long since;
        boolean reported;

        Head(long offset, long since) {
            this.offset = offset;
            this.since = since;
        }
    }
}
