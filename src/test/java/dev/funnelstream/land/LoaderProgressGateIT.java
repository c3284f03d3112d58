package dev.funnelstream.land;

import dev.funnelstream.stream.EmbeddedKafka;
import dev.funnelstream.stream.KafkaSettings;
import dev.funnelstream.stream.QuarantineRecord;
import dev.funnelstream.stream.RawEventJson;
import dev.funnelstream.stream.ReplayProgress;
import dev.funnelstream.stream.Replayer;
import dev.funnelstream.stream.Topics;
import dev.funnelstream.validate.EventType;
import dev.funnelstream.validate.RawEvent;
import dev.funnelstream.warehouse.DuckDbWarehouse;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a real broker and warehouse: committed rows whose progress record the loader has not read
 * stay unlanded, so the landed rows never outnumber the landed input rows; the progress record
 * that counts them lands them. Records another producer wrote, without the replay's mark, land as
 * they come.
 */
class LoaderProgressGateIT {
    private static final List<Header> COUNTED = List.of(new RecordHeader(Topics.COUNTED_HEADER, new byte[0]));

    @Test
    void rowsLandOnlyOnceTheProgressRecordThatCountsThemIsRead(@TempDir Path tmp) throws Exception {
        landRowsBeforeTheirProgress(tmp, 10);
    }

    @Test
    void moreRowsThanTheLoaderHoldsWaitOnKafkaAndStillLand(@TempDir Path tmp) throws Exception {
        // Past the limit the loader pauses the row topics; the progress topic is still read.
        landRowsBeforeTheirProgress(tmp, Loader.MAX_HELD_RECORDS + 50_000);
    }

    @Test
    void recordsOfAnotherProducerLandAsTheyCome(@TempDir Path tmp) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(tmp.resolve("kafka"));
             DuckDbWarehouse warehouse = DuckDbWarehouse.open(tmp.resolve("warehouse.duckdb"))) {
            KafkaSettings settings = new KafkaSettings(kafka.bootstrapServers(), Map.of());
            try (Admin admin = Admin.create(settings.clientConfig(Map.of()))) {
                Topics.ensure(admin, 2);
            }
            // Not the replay: no transaction, no progress record, no mark.
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings.clientConfig(Map.of(
                    "key.serializer", ByteArraySerializer.class.getName(),
                    "value.serializer", ByteArraySerializer.class.getName())))) {
                RawEvent e = new RawEvent(Instant.parse("2019-10-01T00:00:00Z"), EventType.CART, 5, 7, null, null,
                        new BigDecimal("1.50"), 42, "foreign");
                producer.send(new ProducerRecord<>(Topics.RAW, 0, null, RawEventJson.write(e))).get();
                producer.send(new ProducerRecord<>(Topics.RAW, 1, null, "not json".getBytes(StandardCharsets.UTF_8))).get();
            }
            Loader loader = new Loader(settings, warehouse);
            Thread thread = new Thread(loader, "loader");
            thread.start();
            try {
                awaitTrue(() -> count(warehouse, "SELECT count(*) FROM raw.events") == 1);
                awaitTrue(() -> count(warehouse, "SELECT count(*) FROM raw.quarantine WHERE reason = 'bad_record'") == 1);
            } finally {
                loader.stop();
                thread.join(10_000);
                loader.closeConsumer();
            }
            assertThat(loader.failure()).isNull();
        }
    }

    private static void landRowsBeforeTheirProgress(Path tmp, int events) throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(tmp.resolve("kafka"));
             DuckDbWarehouse warehouse = DuckDbWarehouse.open(tmp.resolve("warehouse.duckdb"))) {
            KafkaSettings settings = new KafkaSettings(kafka.bootstrapServers(), Map.of());
            try (Admin admin = Admin.create(settings.clientConfig(Map.of()))) {
                Topics.ensure(admin, 2);
            }
            try (KafkaProducer<byte[], byte[]> producer =
                         new KafkaProducer<>(settings.clientConfig(Replayer.producerSettings("gate-it")))) {
                producer.initTransactions();
                // A replay transaction as it looks to a loader that has not read its progress record yet.
                Map<String, Map<Integer, Long>> rows = sendRows(producer, events);
                // Another input's transaction without rows: its progress is landed, the rows above are not.
                commitProgress(producer, new ReplayProgress("other.csv", 0, 0, 0, false, null).withRows(Map.of()));

                Loader loader = new Loader(settings, warehouse);
                Thread thread = new Thread(loader, "loader");
                thread.start();
                try {
                    awaitTrue(() -> count(warehouse, "SELECT count(*) FROM pipeline.replay_sources") == 1);
                    Thread.sleep(1000); // several more polls of every partition
                    assertThat(count(warehouse, "SELECT count(*) FROM raw.events")).as("rows without progress").isZero();
                    assertThat(count(warehouse, "SELECT count(*) FROM raw.quarantine")).isZero();

                    commitProgress(producer, new ReplayProgress("f.csv", events + 1, events + 1, 0, false, null)
                            .withRows(rows));

                    awaitTrue(() -> count(warehouse, "SELECT count(*) FROM raw.events") == events);
                    assertThat(count(warehouse, "SELECT count(*) FROM raw.quarantine")).isEqualTo(1);
                    assertThat(count(warehouse, "SELECT sum(replayed) FROM pipeline.replay_sources"))
                            .isEqualTo(events + 1);
                } finally {
                    loader.stop();
                    thread.join(10_000);
                    loader.closeConsumer();
                }
                assertThat(loader.failure()).isNull();
            }
        }
    }

    private static Map<String, Map<Integer, Long>> sendRows(KafkaProducer<byte[], byte[]> producer, int events)
            throws Exception {
        producer.beginTransaction();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            RawEvent e = new RawEvent(Instant.parse("2019-10-01T00:00:00Z").plusSeconds(i), EventType.VIEW,
                    1000 + i, 7, null, null, new BigDecimal("9.99"), 42, "s" + i);
            sent.add(producer.send(new ProducerRecord<>(Topics.RAW, i % 2, e.eventTime().toEpochMilli(),
                    e.userSession().getBytes(StandardCharsets.UTF_8), RawEventJson.write(e), COUNTED)));
        }
        QuarantineRecord q = new QuarantineRecord("f.csv", 11, 12, "bad_price", "not a number", "a,b,c");
        sent.add(producer.send(new ProducerRecord<>(Topics.QUARANTINE, 0, null, null, q.toJson(), COUNTED)));
        producer.commitTransaction();
        Map<String, Map<Integer, Long>> rows = new HashMap<>();
        for (Future<RecordMetadata> f : sent) {
            RecordMetadata m = f.get();
            rows.computeIfAbsent(m.topic(), t -> new HashMap<>()).merge(m.partition(), 1L, Long::sum);
        }
        return rows;
    }

    private static void commitProgress(KafkaProducer<byte[], byte[]> producer, ReplayProgress progress) {
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(Topics.REPLAY_PROGRESS, progress.source().getBytes(StandardCharsets.UTF_8),
                progress.toJson()));
        producer.commitTransaction();
    }

    private static long count(DuckDbWarehouse warehouse, String sql) {
        try (Connection c = warehouse.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("waited 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
