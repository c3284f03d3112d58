package dev.funnelstream.land;

import dev.funnelstream.stream.ReplayProgress;
import dev.funnelstream.stream.Topics;
import dev.funnelstream.warehouse.RawBatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressGateTest {
    private static final TopicPartition RAW_0 = new TopicPartition(Topics.RAW, 0);
    private static final TopicPartition RAW_1 = new TopicPartition(Topics.RAW, 1);

    private final List<String> passed = new ArrayList<>();

    @Test
    void rowsWaitForTheProgressRecordThatCountsThem() {
        ProgressGate gate = new ProgressGate("loader", List.of());
        gate.hold(row(0, 0));
        gate.hold(row(0, 1));
        gate.hold(row(1, 0));

        gate.drain(this::pass);
        assertThat(passed).as("no progress read yet").isEmpty();
        assertThat(gate.firstHeld(RAW_0)).isZero();

        gate.count(progress("a.csv", Map.of(0, 2L)));
        gate.drain(this::pass);

        assertThat(passed).containsExactly("raw-0@0", "raw-0@1");
        assertThat(gate.firstHeld(RAW_0)).isNull();
        assertThat(gate.firstHeld(RAW_1)).as("partition 1 was not counted").isZero();
        assertThat(gate.heldCount()).isEqualTo(1);
    }

    @Test
    void rowsOfALaterTransactionStayHeld() {
        ProgressGate gate = new ProgressGate("loader", List.of());
        gate.hold(row(0, 0));
        gate.hold(row(0, 2)); // offset 1 is the first transaction's commit marker
        gate.count(progress("a.csv", Map.of(0, 1L)));

        gate.drain(this::pass);

        assertThat(passed).containsExactly("raw-0@0");
        assertThat(gate.firstHeld(RAW_0)).isEqualTo(2);
    }

    @Test
    void totalsAreRunningSoOnlyTheLatestRecordOfAnInputIsNeeded() {
        ProgressGate gate = new ProgressGate("loader", List.of());
        for (int i = 0; i < 5; i++) {
            gate.hold(row(0, i));
        }
        // Earlier records of the input were compacted away: the latest still counts every row.
        gate.count(progress("a.csv", Map.of(0, 3L)));
        gate.count(progress("a.csv", Map.of(0, 2L))); // an older total never takes rows back
        gate.count(progress("b.csv", Map.of(0, 1L)));
        gate.drain(this::pass);

        assertThat(passed).containsExactly("raw-0@0", "raw-0@1", "raw-0@2", "raw-0@3");
    }

    @Test
    void rowsWithoutTheMarkAreNotHeld() {
        ProgressGate gate = new ProgressGate("loader", List.of());
        gate.hold(unmarked(0, 0)); // another producer's record, or one of an earlier version
        gate.hold(row(0, 1));
        gate.hold(unmarked(0, 2));

        gate.count(new ReplayProgress("a.csv", 2, 2, 0, false, null)); // an earlier version's record counts nothing
        gate.drain(this::pass);

        assertThat(passed).as("the unmarked row behind a held one waits its turn").containsExactly("raw-0@0");
        gate.count(progress("a.csv", Map.of(0, 1L)));
        gate.drain(this::pass);
        assertThat(passed).containsExactly("raw-0@0", "raw-0@1", "raw-0@2");
    }

    @Test
    void aProgressRecordReadBeforeItsRowsLetsThemThroughWhenTheyCome() {
        ProgressGate gate = new ProgressGate("loader", List.of());
        gate.count(progress("a.csv", Map.of(0, 2L)));
        gate.hold(row(0, 0));
        gate.drain(this::pass);
        gate.hold(row(0, 1));
        gate.hold(row(0, 3));
        gate.drain(this::pass);

        assertThat(passed).containsExactly("raw-0@0", "raw-0@1");
        assertThat(gate.firstHeld(RAW_0)).as("the next transaction's row").isEqualTo(3);
    }

    @Test
    void countsLandedBeforeARestartCarryOn() {
        ProgressGate before = new ProgressGate("loader", List.of());
        before.count(progress("a.csv", Map.of(0, 3L)));
        before.hold(row(0, 0));
        before.drain(this::pass);
        List<RawBatch.RowCount> landed = before.moved();
        assertThat(landed).containsExactlyInAnyOrder(
                new RawBatch.RowCount("sent:a.csv", Topics.RAW, 0, 3),
                new RawBatch.RowCount("passed:loader", Topics.RAW, 0, 1));

        ProgressGate after = new ProgressGate("loader", landed);
        after.hold(row(0, 1));
        after.hold(row(0, 2));
        after.hold(row(0, 4));
        after.drain(this::pass);

        assertThat(passed).containsExactly("raw-0@0", "raw-0@1", "raw-0@2");
        assertThat(after.moved()).containsExactly(new RawBatch.RowCount("passed:loader", Topics.RAW, 0, 3));
    }

    @Test
    void resettingGoesBackToTheLandedCounts() {
        ProgressGate gate = new ProgressGate("loader", List.of());
        gate.count(progress("a.csv", Map.of(0, 1L)));
        gate.markLanded();
        gate.count(progress("a.csv", Map.of(0, 5L)));
        gate.hold(row(0, 0));
        gate.hold(row(0, 1));
        gate.drain(this::pass);
        assertThat(passed).hasSize(2);

        gate.reset();

        assertThat(gate.heldCount()).isZero();
        assertThat(gate.moved()).isEmpty();
        gate.hold(row(0, 0));
        gate.hold(row(0, 1));
        gate.drain(this::pass);
        assertThat(passed).as("only the landed count of 1").hasSize(3);
    }

    private void pass(ConsumerRecord<byte[], byte[]> r) {
        passed.add("raw-" + r.partition() + "@" + r.offset());
    }

    private static ConsumerRecord<byte[], byte[]> row(int partition, long offset) {
        RecordHeaders headers = new RecordHeaders(List.of(new RecordHeader(Topics.COUNTED_HEADER, new byte[0])));
        return new ConsumerRecord<>(Topics.RAW, partition, offset, 0L, TimestampType.CREATE_TIME, 0, 0,
                new byte[0], new byte[0], headers, Optional.empty());
    }

    private static ConsumerRecord<byte[], byte[]> unmarked(int partition, long offset) {
        return new ConsumerRecord<>(Topics.RAW, partition, offset, new byte[0], new byte[0]);
    }

    private static ReplayProgress progress(String source, Map<Integer, Long> rawTotals) {
        return new ReplayProgress(source, 1, 1, 0, false, null).withRows(Map.of(Topics.RAW, rawTotals));
    }
}
