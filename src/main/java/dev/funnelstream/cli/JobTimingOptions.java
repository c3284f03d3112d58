package dev.funnelstream.cli;

import picocli.CommandLine.Option;

import java.time.Duration;

/** {@code --watermark-delay} and {@code --checkpoint-interval}: the live job's timing, for run and live-job. */
final class JobTimingOptions {
    @Option(names = "--watermark-delay", defaultValue = "5m", paramLabel = "DURATION",
            description = "How far out of order events may arrive before the live job counts them late. Default: ${DEFAULT-VALUE}")
    String watermarkDelay;

    @Option(names = "--checkpoint-interval", defaultValue = "5s", paramLabel = "DURATION",
            description = "How often the live job checkpoints; a restart resumes from the last one. Default: ${DEFAULT-VALUE}")
    String checkpointInterval;

    Duration watermarkDelay() {
        return DurationText.watermarkDelay(watermarkDelay);
    }

    /** At least 100 ms: Flink would spend its time checkpointing otherwise. */
    Duration checkpointInterval() {
        Duration d = DurationText.parse(checkpointInterval, "--checkpoint-interval");
        if (d.toMillis() < 100) {
            throw new UserException("--checkpoint-interval must be at least 100ms");
        }
        return d;
    }
}
