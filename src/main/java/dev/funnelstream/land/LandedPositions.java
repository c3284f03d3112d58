package dev.funnelstream.land;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import java.util.List;
import java.util.Map;

/** Puts a loader's consumer back where the warehouse's landed rows end, after a failed landing. */
final class LandedPositions {
    private LandedPositions() {
    }

    /**
     * Every assigned partition goes back to its landed offset, one with nothing landed yet to its
     * beginning: seeking only the landed ones would leave the others past the failed batch's records.
     */
    static void rewind(Consumer<?, ?> consumer, Map<TopicPartition, Long> landed) {
        for (TopicPartition tp : consumer.assignment()) {
            Long offset = landed.get(tp);
            if (offset == null) {
                consumer.seekToBeginning(List.of(tp));
            } else {
                consumer.seek(tp, offset);
            }
        }
    }
}
