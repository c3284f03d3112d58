package dev.funnelstream.bench;

import dev.funnelstream.app.Funnelstream;
import dev.funnelstream.app.RunSettings;
import dev.funnelstream.generate.GeneratorSettings;
import dev.funnelstream.process.JobMode;
import dev.funnelstream.process.JobSettings;
import dev.funnelstream.stream.KafkaSettings;
import dev.funnelstream.stream.RawEventJson;
import dev.funnelstream.stream.Speed;
import dev.funnelstream.stream.SyntheticInput;
import dev.funnelstream.stream.Topics;
import dev.funnelstream.validate.EventIdentity;
import dev.funnelstream.validate.RawEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Freshness of the live layer: the time from a record's appearance on the raw topic (read
 * uncommitted, i.e. as the replay writes it) to the moment processed.funnel_minute counts it.
 * A probe consumer numbers each new event within its minute (exact repeats skipped); a poller reads
 * the minute's total from the warehouse every 10 ms; event k of a minute is fresh once the total
 * reaches k. Runs the synthetic shop paced to about the requested rate with the Flink job live.
 *
 * <p>Args: data dir, target events/s (default 10000), seconds to measure (default 60).
 */
public final class FreshnessBench {
    private static final double SHOP_EVENTS_PER_SECOND = 10_000_000.0 / (31 * 86_400);

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 10_000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        Speed speed = new Speed(rate / SHOP_EVENTS_PER_SECOND);
        RunSettings settings = new RunSettings(dataDir,
                List.of(new SyntheticInput(GeneratorSettings.of(10_000_000, "2019-10", 42))), speed, 0, null,
                "127.0.0.1", 0, 4, RunSettings.DEFAULT_TRANSACTIONAL_ID, JobMode.LIVE,
                JobSettings.DEFAULT_WATERMARK_DELAY, JobSettings.DEFAULT_CHECKPOINT_INTERVAL, null);
        try (Funnelstream app = Funnelstream.start(settings, m -> System.err.println(m))) {
            Probe probe = new Probe(app.kafkaBootstrap());
            Thread probeThread = new Thread(probe, "probe");
            probeThread.start();
            long warmupEnd = System.nanoTime() + 20_000_000_000L;
            long end = warmupEnd + seconds * 1_000_000_000L;
            List<Long> latencies = new ArrayList<>();
            long measured = 0;
            try (Connection c = app.connect(); PreparedStatement ps = c.prepareStatement(
                    "SELECT minute, views + carts + remove_from_carts + purchases FROM processed.funnel_minute "
                            + "WHERE category = 'all' AND minute >= ?")) {
                while (System.nanoTime() < end) {
                    Map<Long, Long> totals = new HashMap<>();
                    Long oldest = probe.oldestPendingMinute();
                    if (oldest != null) {
                        ps.setObject(1, OffsetDateTime.ofInstant(java.time.Instant.ofEpochMilli(oldest), ZoneOffset.UTC));
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                totals.put(rs.getObject(1, OffsetDateTime.class).toInstant().toEpochMilli(), rs.getLong(2));
                            }
                        }
                    }
                    long now = System.nanoTime();
                    for (long latency : probe.takeVisible(totals, now)) {
                        if (now >= warmupEnd) {
                            latencies.add(latency);
                            measured++;
                        }
                    }
                    Thread.sleep(10);
                }
            }
            probe.stop();
            probeThread.join();
            Collections.sort(latencies);
            double seconds_ = seconds;
            System.out.printf("events measured %d over %d s (%.0f events/s), pending at end %d%n", measured, seconds,
                    measured / seconds_, probe.pending());
            System.out.printf("freshness p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n", pct(latencies, 0.50),
                    pct(latencies, 0.90), pct(latencies, 0.99), latencies.isEmpty() ? -1 : latencies.get(latencies.size() - 1) / 1_000_000);
        }
    }

    private static long pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1_000_000;
    }

    /** Numbers each new event within its minute and remembers when it appeared on the topic. */
    private static final class Probe implements Runnable {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final Map<Long, Long> countOfMinute = new HashMap<>();
        private final Map<Long, Deque<long[]>> pendingOfMinute = new HashMap<>();
        private final Set<Long> seen = new HashSet<>();
        private volatile boolean stopping;

        Probe(String bootstrap) {
            consumer = new KafkaConsumer<>(new KafkaSettings(bootstrap, Map.of()).clientConfig(Map.of(
                    "key.deserializer", ByteArrayDeserializer.class.getName(),
                    "value.deserializer", ByteArrayDeserializer.class.getName(),
                    "isolation.level", "read_uncommitted")));
            List<TopicPartition> parts = new ArrayList<>();
            consumer.partitionsFor(Topics.RAW).forEach(p -> parts.add(new TopicPartition(Topics.RAW, p.partition())));
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
        }

        @Override
        public void run() {
            while (!stopping) {
                var records = consumer.poll(Duration.ofMillis(5));
                long now = System.nanoTime();
                synchronized (this) {
                    for (ConsumerRecord<byte[], byte[]> r : records) {
                        RawEvent e = RawEventJson.read(r.value());
                        if (!seen.add(EventIdentity.of(e))) {
                            continue; // an exact repeat: Flink drops it, so it never shows
                        }
                        long minute = e.eventTime().toEpochMilli() / 60_000 * 60_000;
                        long k = countOfMinute.merge(minute, 1L, Long::sum);
                        pendingOfMinute.computeIfAbsent(minute, m -> new ArrayDeque<>()).add(new long[] {k, now});
                    }
                }
            }
            consumer.close();
        }

        synchronized Long oldestPendingMinute() {
            return pendingOfMinute.keySet().stream().min(Long::compare).orElse(null);
        }

        synchronized List<Long> takeVisible(Map<Long, Long> totals, long now) {
            List<Long> out = new ArrayList<>();
            for (Map.Entry<Long, Deque<long[]>> e : pendingOfMinute.entrySet()) {
                long total = totals.getOrDefault(e.getKey(), 0L);
                Deque<long[]> q = e.getValue();
                while (!q.isEmpty() && q.peekFirst()[0] <= total) {
                    out.add(now - q.pollFirst()[1]);
                }
            }
            pendingOfMinute.values().removeIf(Deque::isEmpty);
            return out;
        }

        synchronized long pending() {
            return pendingOfMinute.values().stream().mapToLong(Deque::size).sum();
        }

        void stop() {
            stopping = true;
        }
    }
}
