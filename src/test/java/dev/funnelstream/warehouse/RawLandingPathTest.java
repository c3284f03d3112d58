package dev.funnelstream.warehouse;

import dev.funnelstream.transform.TestWarehouse;
import dev.funnelstream.validate.EventType;
import dev.funnelstream.validate.RawEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loader stages each batch as files under the data dir, which the user names: a path with a
 * quote or with text that looks like one of the SQL files' placeholders lands like any other.
 */
class RawLandingPathTest {

    @Test
    void aBatchLandsInADataDirWithAQuoteAndAPlaceholderInItsPath(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("shop's ${events_file} data"));
        RawEvent view = new RawEvent(Instant.parse("2019-10-01T00:00:00Z"), EventType.VIEW, 5, 7, "a.b", null,
                new BigDecimal("1.50"), 42, "s1");
        RawBatch batch = new RawBatch(List.of(new RawBatch.Event(view, 11L, 0, 0), new RawBatch.Event(view, 11L, 0, 1)),
                List.of(), List.of(), List.of(new RawBatch.Position("ecommerce.events.raw", 0, 2)), List.of(), null);

        try (DuckDbWarehouse wh = DuckDbWarehouse.open(dir.resolve("warehouse.duckdb"))) {
            wh.land("loader", batch);

            try (Connection c = wh.connect()) {
                assertThat(TestWarehouse.rows(c, "SELECT product_id, category_code, user_session FROM raw.events"))
                        .containsExactly("5|a.b|s1");
                assertThat(TestWarehouse.rows(c, "SELECT kafka_offset FROM raw.duplicates")).containsExactly("1");
            }
            assertThat(wh.positions("loader")).containsExactly(new RawBatch.Position("ecommerce.events.raw", 0, 2));
        }
    }
}
