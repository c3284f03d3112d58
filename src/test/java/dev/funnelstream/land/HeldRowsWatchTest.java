package dev.funnelstream.land;

import dev.funnelstream.stream.Topics;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.funnelstream.land.HeldRowsWatch.QUIET_NANOS;
import static org.assertj.core.api.Assertions.assertThat;

class HeldRowsWatchTest {
    private static final TopicPartition RAW_0 = new TopicPartition(Topics.RAW, 0);
    private static final TopicPartition RAW_1 = new TopicPartition(Topics.RAW, 1);

    private final HeldRowsWatch watch = new HeldRowsWatch();

    @Test
    void reportsAPartitionWhoseFirstHeldRowStaysPutOnce() {
        assertThat(watch.stalled(0, Map.of(RAW_0, 7L), true)).isEmpty();
        assertThat(watch.stalled(QUIET_NANOS - 1, Map.of(RAW_0, 7L), true)).isEmpty();
        assertThat(watch.stalled(QUIET_NANOS, Map.of(RAW_0, 7L), true)).containsExactly(RAW_0);
        assertThat(watch.stalled(2 * QUIET_NANOS, Map.of(RAW_0, 7L), true)).as("once per stall").isEmpty();
    }

    @Test
    void rowsWaitingForProgressNotReadYetAreNotStalled() {
        assertThat(watch.stalled(0, Map.of(RAW_0, 7L), false)).isEmpty();
        assertThat(watch.stalled(2 * QUIET_NANOS, Map.of(RAW_0, 7L), false)).isEmpty();
        // The clock starts once the progress topic is read to its end.
        assertThat(watch.stalled(2 * QUIET_NANOS + 1, Map.of(RAW_0, 7L), true)).isEmpty();
        assertThat(watch.stalled(3 * QUIET_NANOS + 1, Map.of(RAW_0, 7L), true)).containsExactly(RAW_0);
    }

    @Test
    void aPartitionThatMovesIsNotStalledWhileAnotherIs() {
        watch.stalled(0, Map.of(RAW_0, 7L, RAW_1, 100L), true);
        watch.stalled(QUIET_NANOS / 2, Map.of(RAW_0, 7L, RAW_1, 150L), true);
        assertThat(watch.stalled(QUIET_NANOS, Map.of(RAW_0, 7L, RAW_1, 200L), true)).containsExactly(RAW_0);
        assertThat(watch.stalled(2 * QUIET_NANOS, Map.of(RAW_0, 7L, RAW_1, 200L), true)).containsExactly(RAW_1);
    }

    @Test
    void aPartitionReleasedAndHeldAgainIsANewStall() {
        watch.stalled(0, Map.of(RAW_0, 7L), true);
        assertThat(watch.stalled(QUIET_NANOS, Map.of(RAW_0, 7L), true)).containsExactly(RAW_0);
        watch.stalled(QUIET_NANOS + 1, Map.of(), true);
        watch.stalled(QUIET_NANOS + 2, Map.of(RAW_0, 7L), true);
        assertThat(watch.stalled(2 * QUIET_NANOS + 2, Map.of(RAW_0, 7L), true)).containsExactly(RAW_0);
    }
}
