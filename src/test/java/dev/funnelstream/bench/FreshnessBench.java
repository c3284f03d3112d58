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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
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
 * reaches k. Runs the synthetic shop at the requested rate with the Flink job live.
 *
 * <p>Args: data dir, target events/s (default 10000), seconds to measure (default 60), pace
 * ({@code steady}, the default: that many events every second; {@code shop}: the shop's daily
 * rhythm sped up to that rate on average).
 */
public final class FreshnessBench {
    private static final long WINDOW_NANOS = 10_000_000_000L;
    private static final long GIVE_UP_NANOS = 30_000_000_000L;
    private static final double SHOP_EVENTS_PER_SECOND = 10_000_000.0 / (31 * 86_400);

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 10_000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        // "steady": RATE events every second; "shop": the shop's own rhythm sped up to RATE on average
        // (~2,700x shop time at 10,000/s, so its days of busy and quiet hours pass every 32 s).
        boolean shopTime = args.length > 3 && args[3].equals("shop");
        Speed speed = shopTime ? new Speed(rate / SHOP_EVENTS_PER_SECOND) : Speed.perSecond(rate);
        RunSettings settings = new RunSettings(dataDir,
                List.of(new SyntheticInput(GeneratorSettings.of(10_000_000, "2019-10", 42))), speed, 0, null,
                "127.0.0.1", 0, 4, RunSettings.DEFAULT_TRANSACTIONAL_ID, JobMode.LIVE,
                JobSettings.DEFAULT_WATERMARK_DELAY, JobSettings.DEFAULT_CHECKPOINT_INTERVAL, null);
        try (Funnelstream app = Funnelstream.start(settings, m -> System.err.println(m))) {
            Probe probe = new Probe(app.kafkaBootstrap());
            Thread probeThread = new Thread(probe, "probe");
            probeThread.start();
            long warmupEnd = System.nanoTime() + Long.getLong("warmup.seconds", 20) * 1_000_000_000L;
            long end = warmupEnd + seconds * 1_000_000_000L;
            List<Long> latencies = new ArrayList<>();
            List<List<Long>> windows = new ArrayList<>(); // per 10 s, to see whether it settles
            long measured = 0;
            boolean measuring = false;
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
                    if (now >= warmupEnd && !measuring) {
                        // Lines up the 10 s windows with the app's own log (transform runs, checkpoints).
                        System.err.println("freshness: measuring from " + java.time.LocalTime.now());
                        measuring = true;
                    }
                    for (long latency : probe.takeVisible(totals, now, GIVE_UP_NANOS)) {
                        if (now >= warmupEnd) {
                            latencies.add(latency);
                            measured++;
                            int window = (int) ((now - warmupEnd) / WINDOW_NANOS);
                            while (windows.size() <= window) {
                                windows.add(new ArrayList<>());
                            }
                            windows.get(window).add(latency);
                        }
                    }
                    Thread.sleep(10);
                }
            }
            probe.stop();
            probeThread.join();
            for (int w = 0; w < windows.size(); w++) {
                List<Long> win = windows.get(w);
                Collections.sort(win);
                System.out.printf("  %3d-%3d s: %,d events, p50 %d ms, p99 %d ms%n", w * 10, w * 10 + 10, win.size(),
                        pct(win, 0.50), pct(win, 0.99));
            }
            Collections.sort(latencies);
            double seconds_ = seconds;
            System.out.printf("events measured %d over %d s (%.0f events/s), pending at end %d, not counted"
                            + " within %d s (late) %d%n", measured, seconds, measured / seconds_, probe.pending(),
                    GIVE_UP_NANOS / 1_000_000_000L, probe.givenUp());
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

    /**
     * Numbers each new event within its minute and remembers when it appeared on the topic. Kept
     * cheap so that it keeps up under load (a lagging probe would stamp events late and flatter
     * the figures): the minute comes from the event_time text the replay writes first, and an exact
     * repeat (byte-identical JSON: the replay writes equal events alike) is known by a 64-bit hash.
     */
    private static final class Probe implements Runnable {
        private static final byte[] PREFIX = "{\"event_time\":\"".getBytes(StandardCharsets.US_ASCII);
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final Map<Long, Long> countOfMinute = new HashMap<>();
        private final Map<Long, Deque<long[]>> pendingOfMinute = new HashMap<>();
        private final Map<Long, Set<Long>> seenOfMinute = new HashMap<>();
        private long newestMinute = Long.MIN_VALUE;
        private long givenUp;
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
                        long minute = minuteOf(r.value());
                        // Exact repeats share their event time, so each minute keeps its own.
                        if (!seenOfMinute.computeIfAbsent(minute, m -> new HashSet<>()).add(hash(r.value()))) {
                            continue; // an exact repeat: Flink drops it, so it never shows
                        }
                        if (minute > newestMinute) {
                            newestMinute = minute;
                            // Minutes an hour of event time behind are closed: forget their events.
                            seenOfMinute.keySet().removeIf(m -> m < newestMinute - 3_600_000L);
                        }
                        long k = countOfMinute.merge(minute, 1L, Long::sum);
                        pendingOfMinute.computeIfAbsent(minute, m -> new ArrayDeque<>()).add(new long[] {k, now});
                    }
                }
            }
            consumer.close();
        }

        /** The event's minute (epoch ms) from the text at the record's start, as the replay writes it. */
        static long minuteOf(byte[] json) {
            if (json.length < PREFIX.length + 16 || !Arrays.equals(json, 0, PREFIX.length, PREFIX, 0, PREFIX.length)) {
                return RawEventJson.read(json).eventTime().toEpochMilli() / 60_000 * 60_000;
            }
            int at = PREFIX.length; // yyyy-MM-ddTHH:mm
            long day = LocalDate.of(digits(json, at, 4), digits(json, at + 5, 2), digits(json, at + 8, 2)).toEpochDay();
            return ((day * 24 + digits(json, at + 11, 2)) * 60 + digits(json, at + 14, 2)) * 60_000;
        }

        private static int digits(byte[] b, int from, int n) {
            int v = 0;
            for (int i = from; i < from + n; i++) {
                v = v * 10 + (b[i] - '0');
            }
            return v;
        }

        /** FNV-1a, 64 bits. */
        private static long hash(byte[] b) {
            long h = 0xcbf29ce484222325L;
            for (byte x : b) {
                h = (h ^ (x & 0xff)) * 0x100000001b3L;
            }
            return h;
        }

        /** The oldest minute with an event still waiting, or null. */
        synchronized Long oldestPendingMinute() {
            Long oldest = null;
            for (Long m : pendingOfMinute.keySet()) {
                if (oldest == null || m < oldest) {
                    oldest = m;
                }
            }
            return oldest;
        }

        /**
         * The latencies of the events that the minutes' totals now cover. An event still unseen after
         * {@code giveUpNanos} is given up on and counted apart (a late event, which the minute funnel
         * rightly leaves out), so one never-counted event cannot widen every later poll.
         */
        synchronized List<Long> takeVisible(Map<Long, Long> totals, long now, long giveUpNanos) {
            List<Long> out = new ArrayList<>();
            for (Map.Entry<Long, Deque<long[]>> e : pendingOfMinute.entrySet()) {
                long total = totals.getOrDefault(e.getKey(), 0L);
                Deque<long[]> q = e.getValue();
                while (!q.isEmpty() && q.peekFirst()[0] <= total) {
                    out.add(now - q.pollFirst()[1]);
                }
                while (!q.isEmpty() && now - q.peekFirst()[1] > giveUpNanos) {
                    q.pollFirst();
                    givenUp++;
                }
            }
            pendingOfMinute.values().removeIf(Deque::isEmpty);
            return out;
        }

        synchronized long givenUp() {
            return givenUp;
        }

        synchronized long pending() {
            return pendingOfMinute.values().stream().mapToLong(Deque::size).sum();
        }

        void stop() {
            stopping = true;
        }
    }
}
