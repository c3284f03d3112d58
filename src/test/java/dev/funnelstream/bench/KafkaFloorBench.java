package dev.funnelstream.bench;

import dev.funnelstream.land.Loader;
import dev.funnelstream.read.CsvFileSource;
import dev.funnelstream.read.RawRow;
import dev.funnelstream.stream.EmbeddedKafka;
import dev.funnelstream.stream.KafkaSettings;
import dev.funnelstream.stream.RawEventJson;
import dev.funnelstream.stream.Replayer;
import dev.funnelstream.stream.Topics;
import dev.funnelstream.validate.EventValidator;
import dev.funnelstream.validate.RawEvent;
import dev.funnelstream.validate.Validation;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floor under the ingest benchmark: what the embedded broker, the replay's transactional
 * producer and the loader's read-committed consumer cost on their own, with no CSV reading,
 * validation, JSON or warehouse work. It sends N records whose keys and JSON values were made
 * beforehand from one input file, with the replay's producer settings, while a consumer with the
 * loader's settings reads them, and prints wall time, process CPU and JIT time.
 */
public final class KafkaFloorBench {
    private KafkaFloorBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        long total = Long.parseLong(args[1]);
        Path sample = Path.of(args[2]);
        List<byte[][]> records = records(sample, 200_000);
        System.out.printf("%,d distinct records, %.0f bytes a value on average%n", records.size(),
                records.stream().mapToInt(r -> r[1].length).average().orElse(0));

        try (EmbeddedKafka broker = EmbeddedKafka.start(Files.createDirectories(work.resolve("kafka")))) {
            KafkaSettings kafka = new KafkaSettings(broker.bootstrapServers(), Map.of());
            try (Admin admin = Admin.create(kafka.clientConfig(Map.of()))) {
                Topics.ensure(admin, 4);
            }
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            var jit = ManagementFactory.getCompilationMXBean();
            long cpu0 = os.getProcessCpuTime();
            long jit0 = jit.getTotalCompilationTime();
            long start = System.nanoTime();
            AtomicLong consumed = new AtomicLong();
            Thread reader = new Thread(() -> consume(kafka, total, consumed), "floor-consumer");
            reader.setDaemon(true); // a failed produce must not leave it waiting for records forever
            reader.start();
            produce(kafka, total, records);
            long produced = System.nanoTime();
            reader.join();
            long end = System.nanoTime();
            double wall = (end - start) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            System.out.printf("records=%,d produce=%.1fs wall=%.1fs rate=%,.0f records/s cpu=%.0fs (%.1f us/record) "
                            + "jit=%.0fs%n", consumed.get(), (produced - start) / 1e9, wall, total / wall, cpu,
                    cpu / total * 1e6, (jit.getTotalCompilationTime() - jit0) / 1e3);
        }
    }

    /** Keys and JSON values of the valid rows of a file, as the replay would send them. */
    private static List<byte[][]> records(Path file, int max) throws Exception {
        List<byte[][]> out = new ArrayList<>();
        try (CsvFileSource source = CsvFileSource.open(file)) {
            RawRow row;
            while (out.size() < max && (row = source.next()) != null) {
                if (EventValidator.validate(row) instanceof Validation.Valid v) {
                    RawEvent e = v.event();
                    String key = e.userSession() != null ? e.userSession() : "user:" + e.userId();
                    out.add(new byte[][] {key.getBytes(StandardCharsets.UTF_8), RawEventJson.write(e),
                            {0}});
                }
            }
        }
        return out;
    }

    private static void produce(KafkaSettings kafka, long total, List<byte[][]> records) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                kafka.clientConfig(Replayer.producerSettings("floor-bench")))) {
            producer.initTransactions();
            long sent = 0;
            long t = 1_570_000_000_000L;
            while (sent < total) {
                producer.beginTransaction();
                for (int i = 0; i < 50_000 && sent < total; i++, sent++) {
                    byte[][] r = records.get((int) (sent % records.size()));
                    producer.send(new ProducerRecord<>(Topics.RAW, null, t + sent, r[0], r[1]));
                }
                producer.commitTransaction();
            }
        }
    }

    private static void consume(KafkaSettings kafka, long total, AtomicLong consumed) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                kafka.clientConfig(Loader.consumerSettings()))) {
            List<TopicPartition> parts = new ArrayList<>();
            for (var p : consumer.partitionsFor(Topics.RAW)) {
                parts.add(new TopicPartition(Topics.RAW, p.partition()));
            }
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            long bytes = 0;
            while (consumed.get() < total) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    bytes += r.value().length;
                    consumed.incrementAndGet();
                }
            }
            System.out.printf("consumed %,d bytes of values%n", bytes);
        }
    }
}
