package dev.funnelstream.cli;

import dev.funnelstream.read.IoErrors;
import dev.funnelstream.stream.KafkaSettings;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** {@code --kafka HOST:PORT [--kafka-config FILE]}: an existing cluster instead of the embedded one. */
final class KafkaOptions {
    @Option(names = "--kafka", paramLabel = "HOST:PORT[,HOST:PORT...]",
            description = "Use this Kafka cluster instead of the embedded broker.")
    String bootstrap;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Kafka client properties (e.g. security.protocol=SASL_SSL, sasl.jaas.config=...).")
    Path configFile;

    /** The external cluster's settings, or null for the embedded broker. */
    KafkaSettings settings() {
        if (bootstrap == null) {
            if (configFile != null) {
                throw new UserException("--kafka-config needs --kafka HOST:PORT");
            }
            return null;
        }
        Map<String, String> props = new HashMap<>();
        if (configFile != null) {
            if (!Files.isRegularFile(configFile)) {
                throw new UserException("Kafka config file not found: " + configFile);
            }
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(configFile)) {
                p.load(in);
            } catch (IOException e) {
                throw new UserException("cannot read Kafka config file " + configFile + ": " + IoErrors.reason(e));
            }
            p.stringPropertyNames().forEach(k -> props.put(k, p.getProperty(k)));
        }
        return new KafkaSettings(bootstrap, props);
    }
}
