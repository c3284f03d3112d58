package dev.funnelstream.land;

import dev.funnelstream.stream.EmbeddedKafka;
import dev.funnelstream.stream.KafkaSettings;
import dev.funnelstream.stream.Topics;
import dev.funnelstream.warehouse.AggregateBatch;
import dev.funnelstream.warehouse.DuckDbWarehouse;
import dev.funnelstream.warehouse.RawBatch;
import dev.funnelstream.warehouse.Warehouse;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a real broker and warehouse: when landing the very first aggregates fails, the loader reads
 * them again and lands them; it does not move past them (nothing was landed before, so there is no
 * stored position to go back to).
 */
class AggregateLoaderRecoveryIT {

    @Test
    void aFailedFirstLandingIsRetriedFromTheBeginningNotSkipped(@TempDir Path tmp) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(tmp.resolve("kafka"));
             DuckDbWarehouse real = DuckDbWarehouse.open(tmp.resolve("warehouse.duckdb"))) {
            KafkaSettings settings = new KafkaSettings(kafka.bootstrapServers(), Map.of());
            try (Admin admin = Admin.create(settings.clientConfig(Map.of()))) {
                Topics.ensure(admin, 2);
            }
            Instant hour = Instant.parse("2019-10-01T10:00:00Z");
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings.clientConfig(Map.of(
                    "key.serializer", ByteArraySerializer.class.getName(),
                    "value.serializer", ByteArraySerializer.class.getName())))) {
                GenericRecord key = AvroBytes.record("session_funnel.key.avsc");
                key.put("hour", hour.toEpochMilli());
                GenericRecord value = AvroBytes.record("session_funnel.avsc");
                value.put("hour", hour.toEpochMilli());
                value.put("viewed", 100L);
                value.put("carted", 20L);
                value.put("purchased", 5L);
                producer.send(new ProducerRecord<>(Topics.AGG_SESSION_FUNNEL, 0, AvroBytes.encode(key), AvroBytes.encode(value))).get();
            }
            FailingFirstLanding warehouse = new FailingFirstLanding(real);
            AggregateLoader loader = new AggregateLoader(settings, warehouse);
            Thread thread = new Thread(loader, "aggregate-loader");
            thread.start();
            try {
                long deadline = System.currentTimeMillis() + 30_000;
                while (count(real, "SELECT count(*) FROM processed.session_funnel") == 0) {
                    assertThat(System.currentTimeMillis()).as("waited 30 s for the row to land").isLessThan(deadline);
                    Thread.sleep(50);
                }
            } finally {
                loader.stop();
                thread.join(10_000);
                loader.closeConsumer();
            }
            assertThat(warehouse.rejectedAChange).as("a batch with the change was refused first").isTrue();
            assertThat(count(real, "SELECT sum(viewed) FROM processed.session_funnel")).isEqualTo(100);
            assertThat(loader.failure()).isNull();
        }
    }

    /**
     * The real warehouse, except that landing fails (as a full disk would) from the start until it has
     * refused a batch with a change: nothing has been landed before that, not even a position.
     */
    private static final class FailingFirstLanding implements Warehouse {
        private final Warehouse real;
        private volatile boolean rejectedAChange;

        FailingFirstLanding(Warehouse real) {
            this.real = real;
        }

        @Override
        public void landAggregates(String consumer, AggregateBatch batch) throws SQLException {
            if (!rejectedAChange) {
                rejectedAChange = !batch.changes().isEmpty();
                throw new SQLException("injected: landing fails until it has refused a change");
            }
            real.landAggregates(consumer, batch);
        }

        @Override
        public void land(String consumer, RawBatch batch) throws SQLException {
            real.land(consumer, batch);
        }

        @Override
        public List<RawBatch.Position> positions(String consumer) throws SQLException {
            return real.positions(consumer);
        }

        @Override
        public List<RawBatch.RowCount> rowCounts() throws SQLException {
            return real.rowCounts();
        }

        @Override
        public List<RawBatch.Position> aggregatePositions(String consumer) throws SQLException {
            return real.aggregatePositions(consumer);
        }

        @Override
        public Connection connect() throws SQLException {
            return real.connect();
        }

        @Override
        public void close() {
            // the test closes the real one
        }
    }

    private static long count(Warehouse warehouse, String sql) throws SQLException {
        try (Connection c = warehouse.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
