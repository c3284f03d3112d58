package dev.funnelstream.cli;

import dev.funnelstream.process.FunnelJob;
import dev.funnelstream.process.JobSettings;
import dev.funnelstream.stream.KafkaSettings;
import org.apache.flink.table.api.TableResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code live-job}: submits the live-analytics job on its own, for a Flink cluster:
 * {@code flink run -c dev.funnelstream.cli.Main funnelstream.jar live-job --kafka HOST:PORT ...}.
 * Run outside {@code flink run}, it runs the job in a local MiniCluster until stopped.
 */
@Command(name = "live-job", description = {
        "Submit the live-analytics Flink job (raw topic -> aggregate topics) on its own.",
        "On a cluster: flink run -c dev.funnelstream.cli.Main funnelstream.jar live-job --kafka HOST:PORT",
        "  --checkpoint-dir s3://bucket/funnelstream/checkpoints; resume with flink run -s <checkpoint>.",
        "Land its results with a run of funnelstream on the same Kafka (run --kafka ... --no-flink)."})
final class LiveJobCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--checkpoint-dir", required = true, paramLabel = "URI",
            description = "Where checkpoints go, reachable from every task manager (e.g. s3://..., file:///...).")
    String checkpointDir;

    @Mixin
    JobTimingOptions timing;

    @Option(names = "--parallelism", defaultValue = "2", description = "Parallelism of the job. Default: ${DEFAULT-VALUE}")
    int parallelism;

    @Option(names = "--bounded", description = "Stop at the raw topic's end offsets as of the start.")
    boolean bounded;

    @Option(names = "--detached", description = "Return once submitted instead of waiting for the job to end.")
    boolean detached;

    @Override
    public Integer call() throws Exception {
        KafkaSettings k = kafka.settings();
        if (k == null) {
            throw new UserException("live-job needs --kafka HOST:PORT (the cluster holding ecommerce.events.raw)");
        }
        if (parallelism < 1) {
            throw new UserException("--parallelism must be 1 or more");
        }
        Duration interval = timing.checkpointInterval();
        JobSettings d = JobSettings.defaults(k.bootstrapServers(), k.clientProperties(), checkpointDir, bounded);
        JobSettings settings = new JobSettings(d.bootstrapServers(), d.kafkaProperties(),
                timing.watermarkDelay(), d.dedupRetention(), d.sessionRetention(),
                interval, checkpointDir, parallelism, d.emitInterval(), bounded);
        TableResult result = FunnelJob.submit(settings, null);
        spec.commandLine().getOut().println("submitted live-analytics job "
                + result.getJobClient().map(c -> c.getJobID().toString()).orElse("(no id)"));
        spec.commandLine().getOut().flush();
        if (!detached) {
            result.await();
        }
        return ExitCodes.OK;
    }
}
