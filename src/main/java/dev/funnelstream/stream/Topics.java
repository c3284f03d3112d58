package dev.funnelstream.stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/** The topics Funnelstream writes, and their creation on a broker that lacks them. */
public final class Topics {
    /** Valid events, JSON, keyed by session. */
    public static final String RAW = "ecommerce.events.raw";
    /** Rows that failed validation, with their reason. */
    public static final String QUARANTINE = "ecommerce.events.quarantine";
    /** How far each input has been replayed; written in the same transaction as the rows. */
    public static final String REPLAY_PROGRESS = "ecommerce.replay.progress";

    /** The Flink job's aggregates: Avro, upserted by key (compacted, so a key's latest value stays). */
    public static final String AGG_FUNNEL_MINUTE = "ecommerce.agg.funnel-minute";
    public static final String AGG_SESSION_FUNNEL = "ecommerce.agg.session-funnel";
    public static final String AGG_TRENDING = "ecommerce.agg.trending";
    public static final String AGG_LATE_EVENTS = "ecommerce.agg.late-events";
    public static final List<String> AGGREGATES =
            List.of(AGG_FUNNEL_MINUTE, AGG_SESSION_FUNNEL, AGG_TRENDING, AGG_LATE_EVENTS);

    /**
     * Header on every row the replay sends: a progress record counts it, so the loader holds it
     * until that record is read (rows without it, from other producers, are landed as they come).
     */
    public static final String COUNTED_HEADER = "fs-counted";

    /** Topics the loader lands into the raw layer. */
    public static final List<String> LANDED = List.of(RAW, QUARANTINE, REPLAY_PROGRESS);

    private Topics() {
    }

    /** Creates missing topics; existing ones are left as they are. */
    public static void ensure(Admin admin, int rawPartitions) {
        // Event times are years old; time-based retention would delete replayed data at once.
        Map<String, String> keepAll = Map.of("retention.ms", "-1");
        Map<String, String> latestPerKey = Map.of("retention.ms", "-1", "cleanup.policy", "compact");
        List<NewTopic> wanted = new ArrayList<>(List.of(
                new NewTopic(RAW, rawPartitions, (short) -1).configs(keepAll),
                new NewTopic(QUARANTINE, 1, (short) -1).configs(keepAll),
                new NewTopic(REPLAY_PROGRESS, 1, (short) -1).configs(latestPerKey)));
        for (String aggregate : AGGREGATES) {
            wanted.add(new NewTopic(aggregate, 1, (short) -1).configs(latestPerKey));
        }
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (NewTopic t : wanted) {
                if (!existing.contains(t.name())) {
                    missing.add(t);
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new KafkaUnavailableException("cannot create topics: " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while creating topics", e);
        }
    }
}
