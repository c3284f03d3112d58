package dev.funnelstream.process;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The user's Kafka property values never survive in an error that the job's submission throws. */
class SecretValuesTest {
    private static final String KEY = "-----BEGIN PRIVATE KEY-----MIIEvQIBADANBg";
    private final SecretValues secrets = new SecretValues(List.of(KEY, "KEY-----MII", "SASL_SSL", ""));

    @Test
    void everyValueIsMaskedTheLongestWhole() {
        assertThat(secrets.mask("Table options are:\n'properties.ssl.keystore.key'='" + KEY + "'\n"
                + "'properties.security.protocol'='SASL_SSL'"))
                .isEqualTo("Table options are:\n'properties.ssl.keystore.key'='***'\n'properties.security.protocol'='***'");
    }

    @Test
    void theWholeChainIsMaskedAndTheCausesAreDropped() {
        RuntimeException e = new RuntimeException("Unable to create a sink for writing table 'sink'",
                new IllegalArgumentException("Table options are: 'properties.ssl.keystore.key'='" + KEY + "'"));

        RuntimeException masked = secrets.masked(e);

        assertThat(masked.getMessage()).startsWith("Unable to create a sink for writing table 'sink'\n")
                .contains("Caused by: IllegalArgumentException: Table options are:").doesNotContain(KEY);
        assertThat(masked.getCause()).isNull();
        assertThat(masked.getStackTrace()).isEqualTo(e.getStackTrace());
    }

    @Test
    void withoutPropertiesTheErrorIsLeftAsItIs() {
        RuntimeException e = new RuntimeException("boom");

        assertThat(new SecretValues(List.of()).masked(e)).isSameAs(e);
    }

    @Test
    void aBadArgumentStaysABadArgument() {
        RuntimeException masked = secrets.masked(new IllegalArgumentException("bad option '" + KEY + "'"));

        assertThat(masked).isInstanceOf(IllegalArgumentException.class).hasMessage("bad option '***'");
    }
}
