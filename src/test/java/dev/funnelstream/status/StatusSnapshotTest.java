package dev.funnelstream.status;

import dev.funnelstream.transform.RawEvents;
import dev.funnelstream.transform.TestWarehouse;
import dev.funnelstream.warehouse.DuckDbWarehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While another connection keeps landing events, every status read adds up: its figures all come
 * from one snapshot (read one query at a time, the events by type ran ahead of the events).
 */
class StatusSnapshotTest {

    @Test
    void everyFigureOfAStatusReadComesFromTheSameSnapshot(@TempDir Path dir) throws Exception {
        try (DuckDbWarehouse warehouse = TestWarehouse.open(dir)) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicReference<Throwable> landingFailed = new AtomicReference<>();
            Thread landing = new Thread(() -> {
                try (Connection c = warehouse.connect()) {
                    for (long id = 1; !stop.get(); id += 3) {
                        new RawEvents().startIdsAt(id)
                                .add("2019-10-01T10:00:00Z", "view", 1, null, null, "1.00", 1, "s")
                                .add("2019-10-01T10:01:00Z", "cart", 1, null, null, "1.00", 1, "s")
                                .add("2019-10-01T10:02:00Z", "purchase", 1, null, null, "1.00", 1, "s")
                                .load(c, "2024-01-01T00:00:00Z");
                    }
                } catch (Throwable t) {
                    landingFailed.set(t);
                }
            }, "landing");
            landing.start();
            try (Connection c = warehouse.connect()) {
                for (int i = 0; i < 30; i++) {
                    Status s = StatusQuery.read(c, null, false);
                    long byType = s.eventsByType().values().stream().mapToLong(Long::longValue).sum();
                    assertThat(byType).as("read %d: events by type against events", i).isEqualTo(s.events());
                    assertThat(s.eventsByType().getOrDefault("purchase", 0L))
                            .as("read %d: each load holds one event of each type", i)
                            .isEqualTo(s.eventsByType().getOrDefault("view", 0L));
                    assertThat(c.getAutoCommit()).isTrue();
                }
            } finally {
                stop.set(true);
                landing.join(10_000);
            }
            assertThat(landingFailed.get()).isNull();
        }
    }
}
