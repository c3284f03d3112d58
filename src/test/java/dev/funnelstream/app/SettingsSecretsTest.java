package dev.funnelstream.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnelstream.process.JobSettings;
import dev.funnelstream.stream.KafkaSettings;
import dev.funnelstream.stream.Speed;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings types print which Kafka properties are set, never their values (a SASL password). */
class SettingsSecretsTest {
    private static final String PASSWORD = "hunter2-secret";
    private static final Map<String, String> CLIENT = Map.of(
            "security.protocol", "SASL_SSL",
            "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username='u' password='"
                    + PASSWORD + "';");
    private final KafkaSettings kafka = new KafkaSettings("broker:9092", CLIENT);

    @Test
    void kafkaSettingsNameThePropertiesButHideTheirValues() {
        assertThat(kafka.toString()).contains("broker:9092", "sasl.jaas.config", "security.protocol")
                .doesNotContain(PASSWORD).doesNotContain("SASL_SSL");
    }

    @Test
    void runSettingsHideTheKafkaSecretsAndTheToken() {
        RunSettings run = new RunSettings(Path.of("data"), List.of(), Speed.MAX, 0, kafka, "127.0.0.1", 8080, 4,
                RunSettings.DEFAULT_TRANSACTIONAL_ID).withToken("token-secret");

        assertThat(run.toString()).contains("sasl.jaas.config").doesNotContain(PASSWORD).doesNotContain("token-secret");
    }

    @Test
    void jobSettingsHideTheKafkaSecrets() {
        JobSettings job = JobSettings.defaults("broker:9092", CLIENT, "file:///tmp/checkpoints", false);

        assertThat(job.toString()).contains("broker:9092", "file:///tmp/checkpoints").doesNotContain(PASSWORD);
    }
}
