package dev.funnelstream.stream;

import static dev.funnelstream.validate.EventBuilder.anEvent;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.funnelstream.read.Columns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The schema file itself: it must refuse what the topic must never carry. */
class RawEventSchemaTest {

    private static final String VALID = "{"
            + "\"event_time\":\"2019-10-01T00:00:00Z\","
            + "\"event_type\":\"view\","
            + "\"product_id\":44600062,"
            + "\"category_id\":2103807459595387724,"
            + "\"category_code\":\"appliances.environment.water_heater\","
            + "\"brand\":\"shiseido\","
            + "\"price\":35.79,"
            + "\"user_id\":541312140,"
            + "\"user_session\":\"72d76fde-8bb3-4e00-8c23-a032dfed738c\"}";

    @Test
    void handWrittenEventMeetsTheSchema() {
        assertThat(RawEventSchema.errors(VALID)).isEmpty();
    }

    @Test
    void handWrittenEventIsWhatTheWriterProduces() {
        assertThat(new String(RawEventJson.write(anEvent().build()), UTF_8)).isEqualTo(VALID);
    }

    @Test
    void schemaRequiresEveryColumnAndNothingElse() {
        for (String field : Columns.NAMES) {
            assertThat(RawEventSchema.errors(RawEventJsonTest.withoutField(VALID, field))).as(field).isNotEmpty();
        }
        assertThat(RawEventSchema.errors(VALID.replace("}", ",\"extra\":1}"))).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"event_time\":\"2019-10-01T00:00:00\"",
        "\"event_time\":\"2019-10-01T02:00:00+02:00\"",
        "\"event_time\":\"2019-10-01 00:00:00 UTC\"",
        "\"event_time\":\"2019-10-01T00:00Z\"",
        "\"event_time\":1569888000",
        "\"event_time\":null",
        "\"event_type\":\"click\"",
        "\"event_type\":\"View\"",
        "\"event_type\":null",
        "\"product_id\":-1",
        "\"product_id\":\"44600062\"",
        "\"product_id\":1.5",
        "\"category_id\":9223372036854775808",
        "\"user_id\":null",
        "\"category_code\":\"\"",
        "\"brand\":\"\"",
        "\"brand\":7",
        "\"user_session\":\"\"",
        "\"price\":-0.01",
        "\"price\":\"35.79\"",
        "\"price\":1000000000000",
        "\"price\":null"})
    void schemaRefusesAnInvalidValue(String replacement) {
        String field = replacement.substring(0, replacement.indexOf(':'));
        String json = VALID.replaceFirst(field + ":(\"[^\"]*\"|[^,}]*)", replacement);

        assertThat(json).contains(replacement);
        assertThat(RawEventSchema.errors(json)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"event_time\":\"2019-10-01T00:00:00.5Z\"",
        "\"category_code\":null",
        "\"brand\":null",
        "\"user_session\":null",
        "\"price\":0",
        "\"price\":999999999999.999999",
        "\"category_id\":9223372036854775807"})
    void schemaAcceptsTheEdgesOfValidValues(String replacement) {
        String field = replacement.substring(0, replacement.indexOf(':'));
        String json = VALID.replaceFirst(field + ":(\"[^\"]*\"|[^,}]*)", replacement);

        assertThat(json).contains(replacement);
        assertThat(RawEventSchema.errors(json)).isEmpty();
    }
}
