package dev.funnelstream.it;

import dev.funnelstream.stream.EmbeddedKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code live-job} against a cluster it cannot use: one line and an exit code, not minutes of failovers. */
class LiveJobErrorsIT {
    @TempDir
    Path tmp;

    @Test
    void kafkaThatDoesNotAnswer() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = s.getLocalPort();
        }
        Cli.Result r = Cli.run("live-job", "--kafka", "127.0.0.1:" + closedPort, "--bounded",
                "--checkpoint-dir", tmp.resolve("checkpoints").toUri().toString());

        CliErrorsIT.assertOneLineError(r, "cannot reach Kafka at 127.0.0.1:" + closedPort);
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void clusterWithoutTheRawTopic() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(tmp.resolve("kafka"))) {
            Cli.Result r = Cli.run("live-job", "--kafka", kafka.bootstrapServers(), "--bounded",
                    "--checkpoint-dir", tmp.resolve("checkpoints").toUri().toString());

            CliErrorsIT.assertOneLineError(r, "no topic ecommerce.events.raw");
            assertThat(r.exitCode()).isEqualTo(2);
        }
    }
}
