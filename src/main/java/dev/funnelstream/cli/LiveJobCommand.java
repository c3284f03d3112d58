package dev.funnelstream.cli;

import dev.funnelstream.process.FunnelJob;
import dev.funnelstream.process.JobSettings;
import dev.funnelstream.stream.KafkaSettings;
import dev.funnelstream.stream.KafkaUnavailableException;
import dev.funnelstream.stream.Topics;
import org.apache.flink.table.api.TableResult;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

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
        requireRawTopic(k);
        TableResult result = FunnelJob.submit(settings, null);
        spec.commandLine().getOut().println("submitted live-analytics job "
                + result.getJobClient().map(c -> c.getJobID().toString()).orElse("(no id)"));
        spec.commandLine().getOut().flush();
        if (!detached) {
            result.await();
        }
        return ExitCodes.OK;
    }

    /**
     * Fails fast, in one line, when the cluster cannot be reached or holds no raw topic: the job
     * itself would only retry and fail over, with stack traces, for minutes.
     */
    private static void requireRawTopic(KafkaSettings k) {
        Set<String> topics;
        try (Admin admin = Admin.create(k.clientConfig(Map.of(
                "default.api.timeout.ms", "10000", "request.timeout.ms", "10000")))) {
            topics = admin.listTopics().names().get();
        } catch (ExecutionException | org.apache.kafka.common.KafkaException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new KafkaUnavailableException("cannot reach Kafka at " + k.bootstrapServers() + ": "
                    + cause.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while asking Kafka for its topics", e);
        }
        if (!topics.contains(Topics.RAW)) {
            throw new UserException("no topic " + Topics.RAW + " at " + k.bootstrapServers()
                    + ": replay events into it first (funnelstream run --kafka " + k.bootstrapServers() + " ...)");
        }
    }
}
