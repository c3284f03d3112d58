package dev.funnelstream.land;

import dev.funnelstream.stream.ReplayProgress;
import dev.funnelstream.stream.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressGateTest {
    private static final TopicPartition RAW_0 = new TopicPartition(Topics.RAW, 0);
    private static final TopicPartition RAW_1 = new TopicPartition(Topics.RAW, 1);

    private final List<String> passed = new ArrayList<>();

    @Test
    void rowsWaitForTheProgressRecordThatCountsThem() {
        ProgressGate gate = new ProgressGate(Map.of());
        gate.hold(row(0, 0));
        gate.hold(row(0, 1));
        gate.hold(row(1, 0));

        gate.drainCounted(this::pass);
        assertThat(passed).as("no progress read yet").isEmpty();
        assertThat(gate.firstHeld(RAW_0)).isZero();

        gate.count(progress(Map.of(0, 2L)));
        gate.drainCounted(this::pass);

        assertThat(passed).containsExactly("raw-0@0", "raw-0@1");
        assertThat(gate.firstHeld(RAW_0)).isNull();
        assertThat(gate.firstHeld(RAW_1)).as("partition 1 was not counted").isZero();
        assertThat(gate.heldCount()).isEqualTo(1);
        assertThat(gate.counted()).containsEntry(RAW_0, 0L);
    }

    @Test
    void rowsOfALaterTransactionStayHeld() {
        ProgressGate gate = new ProgressGate(Map.of());
        gate.hold(row(0, 0));
        gate.hold(row(0, 2)); // offset 1 is the first transaction's commit marker
        gate.count(progress(Map.of(0, 1L)));

        gate.drainCounted(this::pass);

        assertThat(passed).containsExactly("raw-0@0");
        assertThat(gate.firstHeld(RAW_0)).isEqualTo(2);
    }

    @Test
    void aProgressRecordReadBeforeItsRowsLetsThemThroughWhenTheyCome() {
        ProgressGate gate = new ProgressGate(Map.of());
        gate.count(progress(Map.of(0, 2L)));
        gate.hold(row(0, 0));
        gate.drainCounted(this::pass);
        gate.hold(row(0, 1));
        gate.hold(row(0, 3));
        gate.drainCounted(this::pass);

        assertThat(passed).containsExactly("raw-0@0", "raw-0@1");
        assertThat(gate.firstHeld(RAW_0)).as("the next transaction's row").isEqualTo(3);
    }

    @Test
    void countsLeftOverBeforeARestartStillCount() {
        ProgressGate gate = new ProgressGate(Map.of(RAW_0, 1L));
        gate.hold(row(0, 4));
        gate.hold(row(0, 5));

        gate.drainCounted(this::pass);

        assertThat(passed).containsExactly("raw-0@4");
        assertThat(gate.counted()).containsEntry(RAW_0, 0L);
    }

    @Test
    void aProgressRecordOfAnEarlierVersionLetsThroughWhatIsHeld() {
        ProgressGate gate = new ProgressGate(Map.of());
        gate.hold(row(0, 0));
        gate.hold(row(1, 7));

        gate.count(new ReplayProgress("f.csv", 2, 2, 0, false, null));
        gate.drainCounted(this::pass);

        assertThat(passed).containsExactlyInAnyOrder("raw-0@0", "raw-1@7");
    }

    @Test
    void aTransactionWithoutRowsLetsNothingThrough() {
        ProgressGate gate = new ProgressGate(Map.of());
        gate.hold(row(0, 0));

        gate.count(new ReplayProgress("f.csv", 2, 2, 0, true, null).withRows(Map.of()));
        gate.drainCounted(this::pass);

        assertThat(passed).isEmpty();
    }

    @Test
    void resettingGoesBackToTheLandedCounts() {
        ProgressGate gate = new ProgressGate(Map.of());
        gate.hold(row(0, 0));
        gate.count(progress(Map.of(0, 5L)));

        gate.reset(Map.of(RAW_0, 1L));

        assertThat(gate.heldCount()).isZero();
        assertThat(gate.firstHeld(RAW_0)).isNull();
        assertThat(gate.counted()).containsExactly(Map.entry(RAW_0, 1L));
    }

    private void pass(ConsumerRecord<byte[], byte[]> r) {
        passed.add("raw-" + r.partition() + "@" + r.offset());
    }

    private static ConsumerRecord<byte[], byte[]> row(int partition, long offset) {
        return new ConsumerRecord<>(Topics.RAW, partition, offset, new byte[0], new byte[0]);
    }

    private static ReplayProgress progress(Map<Integer, Long> rawRows) {
        return new ReplayProgress("f.csv", 1, 1, 0, false, null).withRows(Map.of(Topics.RAW, rawRows));
    }
}
