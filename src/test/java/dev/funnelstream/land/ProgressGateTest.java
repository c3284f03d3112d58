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
    void rowsWaitForTheProgressRecordOfTheirTransaction() {
        ProgressGate gate = new ProgressGate(Map.of());
        gate.hold(row(0, 0));
        gate.hold(row(0, 1));
        gate.hold(row(1, 0));

        gate.drainReleased(this::pass);
        assertThat(passed).as("no progress read yet").isEmpty();
        assertThat(gate.firstHeld(RAW_0)).isZero();

        gate.release(progress(Map.of(0, 2L)));
        gate.drainReleased(this::pass);

        assertThat(passed).containsExactly("raw-0@0", "raw-0@1");
        assertThat(gate.firstHeld(RAW_0)).isNull();
        assertThat(gate.firstHeld(RAW_1)).as("partition 1 was not named").isZero();
        assertThat(gate.heldCount()).isEqualTo(1);
    }

    @Test
    void rowsOfALaterTransactionStayHeld() {
        ProgressGate gate = new ProgressGate(Map.of());
        gate.hold(row(0, 0));
        gate.hold(row(0, 2)); // offset 1 is the first transaction's commit marker
        gate.release(progress(Map.of(0, 1L)));

        gate.drainReleased(this::pass);

        assertThat(passed).containsExactly("raw-0@0");
        assertThat(gate.firstHeld(RAW_0)).isEqualTo(2);
    }

    @Test
    void aProgressRecordReadBeforeItsRowsReleasesThemWhenTheyCome() {
        ProgressGate gate = new ProgressGate(Map.of());
        gate.release(progress(Map.of(0, 2L)));
        gate.hold(row(0, 0));
        gate.hold(row(0, 1));

        gate.drainReleased(this::pass);

        assertThat(passed).containsExactly("raw-0@0", "raw-0@1");
    }

    @Test
    void offsetsReleasedBeforeARestartStayReleased() {
        ProgressGate gate = new ProgressGate(Map.of(RAW_0, 5L));
        gate.hold(row(0, 4));
        gate.release(progress(Map.of(0, 3L))); // an older, lower offset never takes back a release

        gate.drainReleased(this::pass);

        assertThat(passed).containsExactly("raw-0@4");
        assertThat(gate.released()).containsEntry(RAW_0, 5L);
    }

    @Test
    void aProgressRecordOfAnEarlierVersionReleasesWhatIsHeld() {
        ProgressGate gate = new ProgressGate(Map.of());
        gate.hold(row(0, 0));
        gate.hold(row(1, 7));

        gate.release(new ReplayProgress("f.csv", 2, 2, 0, false, null));
        gate.drainReleased(this::pass);

        assertThat(passed).containsExactlyInAnyOrder("raw-0@0", "raw-1@7");
        assertThat(gate.released()).containsEntry(RAW_0, 1L).containsEntry(RAW_1, 8L);
    }

    @Test
    void aTransactionWithoutRowsReleasesNothing() {
        ProgressGate gate = new ProgressGate(Map.of());
        gate.hold(row(0, 0));

        gate.release(new ReplayProgress("f.csv", 2, 2, 0, true, null).withUpTo(Map.of()));
        gate.drainReleased(this::pass);

        assertThat(passed).isEmpty();
    }

    @Test
    void clearingForgetsWhatIsHeld() {
        ProgressGate gate = new ProgressGate(Map.of());
        gate.hold(row(0, 0));

        gate.clearHeld();

        assertThat(gate.heldCount()).isZero();
        assertThat(gate.firstHeld(RAW_0)).isNull();
    }

    private void pass(ConsumerRecord<byte[], byte[]> r) {
        passed.add("raw-" + r.partition() + "@" + r.offset());
    }

    private static ConsumerRecord<byte[], byte[]> row(int partition, long offset) {
        return new ConsumerRecord<>(Topics.RAW, partition, offset, new byte[0], new byte[0]);
    }

    private static ReplayProgress progress(Map<Integer, Long> rawUpTo) {
        return new ReplayProgress("f.csv", 1, 1, 0, false, null).withUpTo(Map.of(Topics.RAW, rawUpTo));
    }
}
