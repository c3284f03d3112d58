package dev.funnelstream.process;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the live-analytics job runs.
 *
 * @param kafkaProperties    client properties for the user's cluster (e.g. SASL_SSL); never logged
 * @param watermarkDelay     how far out of order events may arrive before they count as late
 * @param dedupRetention     how long (event time) an event's identity is remembered to drop repeats
 * @param sessionRetention   how long (event time) after its last event a session's funnel state is kept
 * @param checkpointInterval how often Flink checkpoints; a restart resumes from the latest one
 * @param checkpointDir      a URI (file:///..., s3://...) for the checkpoints
 * @param emitInterval       how long results may wait to be batched before they are written
 * @param bounded            stop at the raw topic's end offsets as of the job's start
 */
public record JobSettings(
        String bootstrapServers,
        Map<String, String> kafkaProperties,
        Duration watermarkDelay,
        Duration dedupRetention,
        Duration sessionRetention,
        Duration checkpointInterval,
        String checkpointDir,
        int parallelism,
        Duration emitInterval,
        boolean bounded) {

    public static final Duration DEFAULT_WATERMARK_DELAY = Duration.ofMinutes(5);
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(5);

    public JobSettings {
        kafkaProperties = Map.copyOf(kafkaProperties);
        if (watermarkDelay.isNegative() || watermarkDelay.toDays() >= 100) {
            // The SQL interval literal holds at most two digits of days.
            throw new IllegalArgumentException("the watermark delay must be between 0 and 99 days");
        }
        if (checkpointInterval.toMillis() < 100) {
            throw new IllegalArgumentException("the checkpoint interval must be at least 100 ms");
        }
    }

    /** The defaults of the issue: 5 min out-of-orderness, 1 h of repeats, 24 h sessions, 5 s checkpoints. */
    public static JobSettings defaults(String bootstrapServers, Map<String, String> kafkaProperties,
                                       String checkpointDir, boolean bounded) {
        return new JobSettings(bootstrapServers, kafkaProperties, DEFAULT_WATERMARK_DELAY, Duration.ofHours(1),
                Duration.ofHours(24), DEFAULT_CHECKPOINT_INTERVAL, checkpointDir, 2, Duration.ofMillis(100), bounded);
    }

    /**
     * The user's client properties (security and the like) without {@code bootstrap.servers}:
     * {@link #bootstrapServers} names the cluster.
     */
    public Map<String, String> clientProperties() {
        Map<String, String> out = new LinkedHashMap<>(kafkaProperties);
        out.remove("bootstrap.servers");
        return out;
    }

    public JobSettings withWatermarkDelay(Duration delay) {
        return new JobSettings(bootstrapServers, kafkaProperties, delay, dedupRetention, sessionRetention,
                checkpointInterval, checkpointDir, parallelism, emitInterval, bounded);
    }

    public JobSettings withCheckpointInterval(Duration interval) {
        return new JobSettings(bootstrapServers, kafkaProperties, watermarkDelay, dedupRetention, sessionRetention,
                interval, checkpointDir, parallelism, emitInterval, bounded);
    }

    @Override
    public String toString() {
        // The record's own toString would print the Kafka properties, secrets included.
        return "JobSettings[bootstrapServers=" + bootstrapServers + ", watermarkDelay=" + watermarkDelay
                + ", checkpointInterval=" + checkpointInterval + ", checkpointDir=" + checkpointDir
                + ", parallelism=" + parallelism + ", bounded=" + bounded + "]";
    }
}
