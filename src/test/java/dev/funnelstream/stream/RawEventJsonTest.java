package dev.funnelstream.stream;

import static dev.funnelstream.validate.EventBuilder.anEvent;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.Stream;

import dev.funnelstream.read.Columns;
import dev.funnelstream.validate.EventType;
import dev.funnelstream.validate.EventValidator;
import dev.funnelstream.validate.QuarantineReason;
import dev.funnelstream.validate.RawEvent;
import dev.funnelstream.validate.RowBuilder;
import dev.funnelstream.validate.Validation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RawEventJsonTest {

    static Stream<RawEvent> events() {
        return Stream.of(
                anEvent().build(),
                anEvent().categoryCode(null).brand(null).userSession(null).build(),
                anEvent().eventType(EventType.REMOVE_FROM_CART).price("0").build(),
                anEvent().eventType(EventType.PURCHASE).price("120.00").build(),
                anEvent().eventType(EventType.CART).price("0.000001").build(),
                anEvent().price("999999999999").build(),
                anEvent().productId(0).categoryId(Long.MAX_VALUE).userId(Long.MAX_VALUE).build(),
                anEvent().eventTime("2019-10-01T00:00:00.123456789Z").build(),
                anEvent().eventTime("2020-02-29T23:59:59Z").build(),
                anEvent().brand("l'or\u00e9al \"pro\"\n\\").categoryCode("\u6c34.\u2603").build());
    }

    @ParameterizedTest
    @MethodSource("events")
    void writtenEventReadsBackEqual(RawEvent event) {
        assertThat(RawEventJson.read(RawEventJson.write(event))).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("events")
    void writtenEventMeetsTheSchema(RawEvent event) {
        assertThat(RawEventSchema.errors(RawEventJson.write(event))).isEmpty();
    }

    @Test
    void nineteenDigitCategoryIdIsWrittenAsAnExactInteger() {
        RawEvent event = anEvent().categoryId(2103807459595387724L).build();

        byte[] json = RawEventJson.write(event);

        assertThat(new String(json, UTF_8)).contains("\"category_id\":2103807459595387724,");
        assertThat(RawEventJson.read(json).categoryId()).isEqualTo(2103807459595387724L);
    }

    @Test
    void eventIsWrittenAsNineSnakeCaseFieldsWithUtcTimeAndPlainNumbers() {
        RawEvent event = anEvent().price("12.50").categoryCode(null).build();

        assertThat(new String(RawEventJson.write(event), UTF_8)).isEqualTo("{"
                + "\"event_time\":\"2019-10-01T00:00:00Z\","
                + "\"event_type\":\"view\","
                + "\"product_id\":44600062,"
                + "\"category_id\":2103807459595387724,"
                + "\"category_code\":null,"
                + "\"brand\":\"shiseido\","
                + "\"price\":12.5,"
                + "\"user_id\":541312140,"
                + "\"user_session\":\"72d76fde-8bb3-4e00-8c23-a032dfed738c\"}");
    }

    @Test
    void largePriceIsWrittenPlainNotInExponentForm() {
        assertThat(new String(RawEventJson.write(anEvent().price("120000").build()), UTF_8))
                .contains("\"price\":120000,");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019-10-01 00:00:00 UTC", "2019-10-01T02:00:00+02:00", "2019-09-30T20:00:00-04:00"})
    void validatedRowWithAnyAcceptedTimeFormMeetsTheSchema(String time) {
        Validation v = EventValidator.validate(RowBuilder.aValidRow().eventTime(time).fields());
        byte[] json = RawEventJson.write(((Validation.Valid) v).event());

        assertThat(RawEventSchema.errors(json)).isEmpty();
        assertThat(new String(json, UTF_8)).contains("\"event_time\":\"2019-10-01T00:00:00Z\"");
    }

    @Test
    void validatedRowWithNullableFieldsEmptyMeetsTheSchema() {
        String[] fields = RowBuilder.aValidRow().with(Columns.CATEGORY_CODE, null).brand(null).userSession(null)
                .fields();

        RawEvent event = ((Validation.Valid) EventValidator.validate(fields)).event();

        assertThat(RawEventSchema.errors(RawEventJson.write(event))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789012.123456", "99999999999.99999", "999999999999.999999"})
    void everyPriceTheValidatorAcceptsSurvivesExactly(String price) {
        RawEvent event = anEvent().price(price).build();

        assertThat(RawEventJson.read(RawEventJson.write(event))).isEqualTo(event);
    }

    @Test
    void timesOutsideFourDigitUtcYearsAreRefusedRatherThanWrittenOutsideTheSchema() {
        for (String time : new String[] {"0000-01-01T00:00:00+01:00", "9999-12-31T23:00:00-02:00"}) {
            Validation v = EventValidator.validate(RowBuilder.aValidRow().eventTime(time).fields());
            assertThat(v).as(time).isInstanceOf(Validation.Rejected.class);
            assertThat(((Validation.Rejected) v).reason()).isEqualTo(QuarantineReason.BAD_EVENT_TIME);
        }
    }

    @Test
    void theEdgesOfFourDigitYearsAreWrittenWithinTheSchema() {
        for (String time : new String[] {"0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"}) {
            Validation v = EventValidator.validate(RowBuilder.aValidRow().eventTime(time).fields());
            assertThat(v).as(time).isInstanceOf(Validation.Valid.class);
            byte[] json = RawEventJson.write(((Validation.Valid) v).event());

            assertThat(RawEventSchema.errors(json)).as(time).isEmpty();
            assertThat(RawEventJson.read(json)).as(time).isEqualTo(((Validation.Valid) v).event());
        }
    }

    // --- read refuses what is not a raw event ---

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "{", "[]", "42", "null", "\"text\"", "{}"})
    void readRefusesTextThatIsNotAnEventObject(String json) {
        assertThatThrownBy(() -> RawEventJson.read(json.getBytes(UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"event_time", "event_type", "product_id", "category_id", "price", "user_id"})
    void readRefusesAnEventWithoutARequiredField(String field) {
        String json = withoutField(validJson(), field);

        assertThatThrownBy(() -> RawEventJson.read(json.getBytes(UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"event_time\":\"2019-10-01T00:00:00\"",
        "\"event_time\":\"2019-02-30T00:00:00Z\"",
        "\"event_type\":\"click\"",
        "\"event_type\":\"View\"",
        "\"product_id\":-1",
        "\"product_id\":\"44600062\"",
        "\"product_id\":1.5",
        "\"category_id\":9223372036854775808",
        "\"user_id\":null",
        "\"price\":-1",
        "\"price\":\"35.79\"",
        "\"price\":0.1234567",
        "\"price\":1234567890123"})
    void readRefusesAnEventWithAnInvalidValue(String replacement) {
        String field = replacement.substring(0, replacement.indexOf(':'));
        String json = validJson().replaceFirst(field + ":[^,}]*", replacement);

        assertThat(json).contains(replacement);
        assertThatThrownBy(() -> RawEventJson.read(json.getBytes(UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // --- the hand-written writer and reader agree with Jackson ---

    @Test
    void stringsWithEscapesAndAnyUnicodeReadBackEqual() {
        Random random = new Random(7);
        for (int n = 0; n < 2_000; n++) {
            RawEvent event = anEvent().brand(randomText(random)).categoryCode(randomText(random))
                    .userSession(randomText(random)).build();
            byte[] json = RawEventJson.write(event);

            assertThat(RawEventJson.read(json)).isEqualTo(event);
            assertThat(RawEventSchema.errors(json)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("events")
    void canonicalReaderReadsWhatJacksonReads(RawEvent event) {
        byte[] json = RawEventJson.write(event);
        String[] fields = CanonicalEventJson.fields(json);

        if (fields != null) {
            assertThat(fields).containsExactly(RawEventJson.jacksonFields(json));
        }
    }

    @Test
    void canonicalReaderTakesTheUsualFormAndLeavesEverythingElseToJackson() {
        String usual = validJson();

        assertThat(CanonicalEventJson.fields(usual.getBytes(UTF_8))).isNotNull();
        for (String other : new String[] {
            usual.replace(":", ": "),
            usual.replace("{", "{ "),
            usual + " ",
            usual + "{}",
            usual.replace("\"brand\":\"shiseido\"", "\"brand\":\"shi\\u0073eido\""),
            usual.replace("\"brand\":\"shiseido\"", "\"brand\":\"l'or\u00e9al\""),
            usual.replace("\"price\":35.79", "\"price\":3.579e1"),
            usual.replace("\"product_id\":44600062", "\"product_id\":044600062"),
            usual.replace("\"product_id\":44600062", "\"product_id\":\"44600062\""),
            withoutField(usual, "brand"),
            usual.replace("}", ",\"extra\":1}"),
            usual.replace("\"price\":35.79", "\"price\":1." + "0".repeat(1000))}) {
            assertThat(CanonicalEventJson.fields(other.getBytes(UTF_8))).as(other).isNull();
        }
    }

    /**
     * Random single-byte changes to a written record: whatever the hand-written reader accepts, it
     * reads to the same fields as Jackson; and the public reader accepts or refuses as Jackson does.
     */
    @Test
    void damagedRecordsAreReadOrRefusedAsJacksonDoes() {
        Random random = new Random(11);
        byte[] alphabet = "{}[]\":,.-+eE0123456789 nul\\tx\u00e9".getBytes(UTF_8);
        for (int n = 0; n < 20_000; n++) {
            byte[] json = RawEventJson.write(anEvent().price(random.nextBoolean() ? "35.79" : "0").build());
            int changes = 1 + random.nextInt(2);
            for (int c = 0; c < changes; c++) {
                json[random.nextInt(json.length)] = alphabet[random.nextInt(alphabet.length)];
            }
            String[] fast = CanonicalEventJson.fields(json);
            Object jackson = outcome(() -> RawEventJson.jacksonFields(json));
            if (fast != null) {
                assertThat(jackson).as(new String(json, UTF_8)).isInstanceOf(String[].class);
                assertThat(fast).as(new String(json, UTF_8)).containsExactly((String[]) jackson);
            }
        }
    }

    @Test
    void aNumberLongerThanJacksonAllowsIsRefusedAsBefore() {
        String json = validJson().replace("\"price\":35.79", "\"price\":1." + "0".repeat(1000));

        assertThatThrownBy(() -> RawEventJson.read(json.getBytes(UTF_8))).isInstanceOf(IllegalArgumentException.class);
    }

    private static Object outcome(java.util.function.Supplier<Object> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            return e.getClass();
        }
    }

    /** Up to 40 characters from ASCII, control characters, Latin-1, CJK and emoji (surrogate pairs). */
    private static String randomText(Random random) {
        StringBuilder s = new StringBuilder();
        int length = 1 + random.nextInt(40);
        while (s.length() < length) {
            switch (random.nextInt(5)) {
                case 0 -> s.append((char) random.nextInt(0x20));
                case 1 -> s.append("\"\\/".charAt(random.nextInt(3)));
                case 2 -> s.append((char) (0xa0 + random.nextInt(0x60)));
                case 3 -> s.appendCodePoint(random.nextBoolean() ? 0x6c34 : 0x1f600 + random.nextInt(50));
                default -> s.append((char) (0x20 + random.nextInt(0x5f)));
            }
        }
        return s.toString();
    }

    private static String validJson() {
        return new String(RawEventJson.write(anEvent().build()), UTF_8);
    }

    static String withoutField(String json, String field) {
        String result = json.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[^,}]*),?", "");
        assertThat(result).doesNotContain("\"" + field + "\"");
        return result.replace(",}", "}");
    }
}
