package dev.funnelstream.stream;

import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Where Kafka is and how to talk to it: the bootstrap servers plus any client properties from the
 * user's file (security settings such as SASL_SSL for Confluent Cloud). Secrets stay in here and
 * are never logged.
 */
public record KafkaSettings(String bootstrapServers, Map<String, String> clientProperties) {

    public KafkaSettings {
        clientProperties = Map.copyOf(clientProperties);
    }

    /** Client properties for a producer, consumer or admin client, with {@code overrides} on top. */
    public Properties clientConfig(Map<String, ?> overrides) {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put("bootstrap.servers", bootstrapServers);
        overrides.forEach(p::put);
        return p;
    }

    /** The property names only: their values may be secrets (a SASL password), and records print every field. */
    @Override
    public String toString() {
        return "KafkaSettings[bootstrapServers=" + bootstrapServers + ", clientProperties="
                + new TreeSet<>(clientProperties.keySet()) + "]";
    }
}
