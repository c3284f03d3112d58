package dev.funnelstream.app;

import dev.funnelstream.stream.KafkaSettings;
import dev.funnelstream.stream.ReplayInput;
import dev.funnelstream.stream.Speed;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything a run needs, already resolved from defaults, config file, environment and flags.
 *
 * @param kafka        an existing cluster, or null for the embedded broker
 * @param port         the HTTP port; 0 picks a free one
 * @param rawPartitions partitions of the raw topic when the run creates it
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
        String transactionalId) {

    public static final String DEFAULT_TRANSACTIONAL_ID = "funnelstream-replay";
}
