package dev.funnelstream.app;

import dev.funnelstream.process.JobMode;
import dev.funnelstream.process.JobSettings;
import dev.funnelstream.serve.ServerSettings;
import dev.funnelstream.stream.KafkaSettings;
import dev.funnelstream.stream.ReplayInput;
import dev.funnelstream.stream.Speed;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything a run needs, already resolved from defaults, config file, environment and flags.
 *
 * @param kafka        an existing cluster, or null for the embedded broker
 * @param port         the HTTP port; 0 picks a free one
 * @param rawPartitions partitions of the raw topic when the run creates it
 * @param jobMode       whether and how the live-analytics (Flink) job runs
 * @param token         the access token the HTTP server requires, or null for none (loopback only)
 */
public record RunSettings(
        Path dataDir,
        List<ReplayInput> inputs,
        Speed speed,
        long samplePerDay,
        KafkaSettings kafka,
        String host,
        int port,
        int rawPartitions,
        String transactionalId,
        JobMode jobMode,
        Duration watermarkDelay,
        Duration checkpointInterval,
        String token) {

    public static final String DEFAULT_TRANSACTIONAL_ID = "funnelstream-replay";

    /** Without the live-analytics job: the raw layer and the batch reports only. */
    public RunSettings(Path dataDir, List<ReplayInput> inputs, Speed speed, long samplePerDay, KafkaSettings kafka,
                       String host, int port, int rawPartitions, String transactionalId) {
        this(dataDir, inputs, speed, samplePerDay, kafka, host, port, rawPartitions, transactionalId, JobMode.OFF,
                JobSettings.DEFAULT_WATERMARK_DELAY, JobSettings.DEFAULT_CHECKPOINT_INTERVAL, null);
    }

    /** The same settings with an access token for the HTTP server (null: none). */
    public RunSettings withToken(String newToken) {
        return new RunSettings(dataDir, inputs, speed, samplePerDay, kafka, host, port, rawPartitions, transactionalId,
                jobMode, watermarkDelay, checkpointInterval, newToken);
    }

    /** The HTTP server's address and token. */
    public ServerSettings server() {
        return new ServerSettings(host, port, token);
    }

    /** The same settings with another job mode. */
    public RunSettings withJobMode(JobMode mode) {
        return new RunSettings(dataDir, inputs, speed, samplePerDay, kafka, host, port, rawPartitions, transactionalId,
                mode, watermarkDelay, checkpointInterval, token);
    }

    /** Without the token: it is a secret, and records print every field. */
    @Override
    public String toString() {
        return "RunSettings[dataDir=" + dataDir + ", inputs=" + inputs + ", speed=" + speed + ", kafka=" + kafka
                + ", host=" + host + ", port=" + port + ", jobMode=" + jobMode + ", token="
                + (token == null ? "none" : "***") + "]";
    }
}
