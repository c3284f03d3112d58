package dev.funnelstream.stream;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TransactionRowsTest {

    @Test
    void aKeyGoesWhereKafkasDefaultPartitionerPutsIt() {
        // Data replayed before the replay picked partitions itself was placed by Kafka's partitioner;
        // a session's later events must keep going to the same partition.
        for (int i = 0; i < 2_000; i++) {
            byte[] key = ("session-" + i * 7919).getBytes(StandardCharsets.UTF_8);
            for (int partitions : new int[] {1, 4, 6, 24}) {
                assertThat(TransactionRows.partitionFor(key, partitions))
                        .isEqualTo(BuiltInPartitioner.partitionForKey(key, partitions));
            }
        }
    }

    @Test
    void rowsAreCountedPerTopicAndPartitionUntilTaken() {
        TransactionRows rows = new TransactionRows();
        rows.add(Topics.RAW, 0);
        rows.add(Topics.RAW, 0);
        rows.add(Topics.RAW, 3);
        rows.add(Topics.QUARANTINE, 0);

        assertThat(rows.total()).isEqualTo(4);
        assertThat(rows.takeAll()).isEqualTo(Map.of(Topics.RAW, Map.of(0, 2L, 3, 1L), Topics.QUARANTINE, Map.of(0, 1L)));
        assertThat(rows.total()).isZero();
        assertThat(rows.takeAll()).isEmpty();
    }
}
