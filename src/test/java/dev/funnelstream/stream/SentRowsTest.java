package dev.funnelstream.stream;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SentRowsTest {

    @Test
    void aKeyGoesWhereKafkasDefaultPartitionerPutsIt() {
        // Data replayed before the replay picked partitions itself was placed by Kafka's partitioner;
        // a session's later events must keep going to the same partition.
        for (int i = 0; i < 2_000; i++) {
            byte[] key = ("session-" + i * 7919).getBytes(StandardCharsets.UTF_8);
            for (int partitions : new int[] {1, 4, 6, 24}) {
                assertThat(SentRows.partitionFor(key, partitions))
                        .isEqualTo(BuiltInPartitioner.partitionForKey(key, partitions));
            }
        }
    }

    @Test
    void totalsRunOnFromTheCommittedOnesWhileTheTransactionCountStartsAgain() {
        SentRows rows = new SentRows();
        rows.startFrom(Map.of(Topics.RAW, Map.of(0, 10L)));
        rows.add(Topics.RAW, 0);
        rows.add(Topics.RAW, 3);
        rows.add(Topics.QUARANTINE, 0);

        assertThat(rows.inTransaction()).isEqualTo(3);
        assertThat(rows.totals()).isEqualTo(Map.of(Topics.RAW, Map.of(0, 11L, 3, 1L), Topics.QUARANTINE, Map.of(0, 1L)));
        rows.transactionCommitted();
        assertThat(rows.inTransaction()).isZero();
        assertThat(rows.totals().get(Topics.RAW)).containsEntry(0, 11L);

        rows.startFrom(null);
        assertThat(rows.totals()).as("an input without earlier progress, or an earlier version's").isEmpty();
    }
}
