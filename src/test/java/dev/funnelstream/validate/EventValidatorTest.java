package dev.funnelstream.validate;

import static dev.funnelstream.validate.RowBuilder.aValidRow;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;

import dev.funnelstream.read.RawRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EventValidatorTest {

    // --- a valid row ---

    @Test
    void validRowBecomesTheEventWithItsNineValues() {
        assertThat(EventValidator.validate(aValidRow().fields())).isEqualTo(new Validation.Valid(new RawEvent(
                Instant.parse("2019-10-01T00:00:00Z"), EventType.VIEW, 44600062L, 2103807459595387724L,
                "appliances.environment.water_heater", "shiseido", new BigDecimal("35.79"), 541312140L,
                "72d76fde-8bb3-4e00-8c23-a032dfed738c")));
    }

    @Test
    void rowFromAReaderIsValidatedByItsFields() {
        assertThat(EventValidator.validate(aValidRow().rawRow()))
                .isEqualTo(EventValidator.validate(aValidRow().fields()));
    }

    @Test
    void categoryCodeBrandAndSessionMayBeEmpty() {
        RawEvent event = validEvent(aValidRow().categoryCode(null).brand(null).userSession(null).fields());

        assertThat(event.categoryCode()).isNull();
        assertThat(event.brand()).isNull();
        assertThat(event.userSession()).isNull();
    }

    // --- read problems ---

    @Test
    void rowTooLongToReadIsQuarantinedAsLineTooLong() {
        RawRow row = new RawRow("big.csv", 7, 9, "2019-10-01 00:00:00 UTC,view,...", null, "line_too_long");

        assertThat(rejection(EventValidator.validate(row)).reason()).isEqualTo(QuarantineReason.LINE_TOO_LONG);
    }

    @Test
    void rowThatIsNotUtf8IsQuarantinedAsBadEncoding() {
        RawRow row = new RawRow("latin1.csv", 1, 2, "caf\uFFFD", null, "bad_encoding");

        assertThat(rejection(EventValidator.validate(row)).reason()).isEqualTo(QuarantineReason.BAD_ENCODING);
    }

    // --- field_count ---

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 8, 10})
    void rowWithoutExactlyNineFieldsIsQuarantinedAsFieldCount(int count) {
        String[] fields = Arrays.copyOf(aValidRow().fields(), count);
        if (count > 9) {
            Arrays.fill(fields, 9, count, "extra");
        }

        Validation.Rejected rejected = rejection(EventValidator.validate(fields));

        assertThat(rejected.reason()).isEqualTo(QuarantineReason.FIELD_COUNT);
        assertThat(rejected.detail()).isEqualTo("expected 9 fields, found " + count);
    }

    @Test
    void nullFieldArrayIsQuarantinedAsFieldCount() {
        assertThat(reasonFor((String[]) null)).isEqualTo(QuarantineReason.FIELD_COUNT);
    }

    // --- bad_event_time ---

    @ParameterizedTest
    @ValueSource(strings = {"2019-10-01 00:00:00 UTC", "2019-10-01T00:00:00Z", "2019-10-01T02:00:00+02:00",
        "2019-09-30T22:00:00-02:00", "2019-10-01T00:00:00.000Z"})
    void reesTimeAndIsoTimeWithAnOffsetAreTheSameUtcInstant(String time) {
        assertThat(validEvent(aValidRow().eventTime(time).fields()).eventTime())
                .isEqualTo(Instant.parse("2019-10-01T00:00:00Z"));
    }

    @Test
    void reesTimeKeepsItsSeconds() {
        assertThat(validEvent(aValidRow().eventTime("2020-02-29 23:59:59 UTC").fields()).eventTime())
                .isEqualTo(Instant.parse("2020-02-29T23:59:59Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2019-13-01 00:00:00 UTC", // month 13
        "2019-02-30 00:00:00 UTC", // February 30
        "2019-02-29 00:00:00 UTC", // not a leap year
        "2019-10-01 24:00:00 UTC", // hour 24
        "2019-10-01 00:60:00 UTC",
        "2019-10-01 00:00:00", // no zone
        "2019-10-01 00:00:00 CET",
        "2019-10-01 00:00:00 utc",
        "2019/10/01 00:00:00 UTC",
        "2019-1a-01 00:00:00 UTC",
        "2019-10-01T00:00:00 UTC",
        "2019-10-01T00:00:00", // no offset
        "2019-13-01T00:00:00Z",
        "2019-02-30T00:00:00Z",
        "2019-10-01T24:00:00Z",
        "2019-10-01",
        "1569888000",
        "not a time",
        "",
        " "})
    void unreadableOrImpossibleTimeIsQuarantinedAsBadEventTime(String time) {
        assertThat(reasonFor(aValidRow().eventTime(time))).isEqualTo(QuarantineReason.BAD_EVENT_TIME);
    }

    @Test
    void missingTimeIsQuarantinedAsBadEventTimeAndSaysEmpty() {
        Validation.Rejected rejected = rejection(EventValidator.validate(aValidRow().eventTime(null).fields()));

        assertThat(rejected.reason()).isEqualTo(QuarantineReason.BAD_EVENT_TIME);
        assertThat(rejected.detail()).isEqualTo("event_time is empty");
    }

    // --- bad_event_type ---

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eachOfTheFourTypesIsValid(EventType type) {
        assertThat(validEvent(aValidRow().eventType(type.wireName()).fields()).eventType()).isEqualTo(type);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"View", "VIEW", "click", "remove-from-cart", " view", "purchased"})
    void otherTypesAreQuarantinedAsBadEventType(String type) {
        assertThat(reasonFor(aValidRow().eventType(type))).isEqualTo(QuarantineReason.BAD_EVENT_TYPE);
    }

    @Test
    void rejectionDetailNamesTheFieldAndItsValue() {
        assertThat(rejection(EventValidator.validate(aValidRow().eventType("click").fields())).detail())
                .isEqualTo("event_type is 'click'");
    }

    @Test
    void rejectionDetailShortensALongValue() {
        String detail = rejection(EventValidator.validate(aValidRow().eventType("x".repeat(500)).fields())).detail();

        assertThat(detail).isEqualTo("event_type is '" + "x".repeat(60) + "...'");
    }

    // --- bad_id ---

    @ParameterizedTest
    @ValueSource(strings = {"0", "7", "9223372036854775807", "2103807459595387724", "0000000000000000042"})
    void nonNegativeIntegerBelow2To63IsAValidId(String id) {
        RawEvent event = validEvent(aValidRow().productId(id).categoryId(id).userId(id).fields());

        long expected = Long.parseLong(id);
        assertThat(event.productId()).isEqualTo(expected);
        assertThat(event.categoryId()).isEqualTo(expected);
        assertThat(event.userId()).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"-1", "+5", "1.0", "1e3", "12a", " 5", "9223372036854775808", "18446744073709551616",
        "99999999999999999999", "\u0661"})
    void anythingElseIsQuarantinedAsBadIdInEachIdField(String id) {
        assertThat(reasonFor(aValidRow().productId(id))).isEqualTo(QuarantineReason.BAD_ID);
        assertThat(reasonFor(aValidRow().categoryId(id))).isEqualTo(QuarantineReason.BAD_ID);
        assertThat(reasonFor(aValidRow().userId(id))).isEqualTo(QuarantineReason.BAD_ID);
    }

    @Test
    void badIdDetailNamesWhichIdField() {
        assertThat(rejection(EventValidator.validate(aValidRow().categoryId("-1").fields())).detail())
                .isEqualTo("category_id is '-1'");
        assertThat(rejection(EventValidator.validate(aValidRow().userId(null).fields())).detail())
                .isEqualTo("user_id is empty");
    }

    // --- bad_price ---

    @ParameterizedTest
    @ValueSource(strings = {"12", "12.5", "0", "0.00", "0012.50", "35.79", "999999999999", "999999999999.999999",
        "0.000001", "1.1000000"})
    void plainNonNegativeDecimalThatFitsDecimal18And6IsAValidPrice(String price) {
        assertThat(validEvent(aValidRow().price(price).fields()).price())
                .isEqualByComparingTo(new BigDecimal(price));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"-1", "+1", "NaN", "Infinity", "1e3", "1E3", ".5", "12.", ".", "1,5", "1.2.3", " 12",
        "12 ", "\u0661\u0662", "0.1234567", "1234567890123", "1234567890123.5", "0x1F"})
    void anythingElseIsQuarantinedAsBadPrice(String price) {
        assertThat(reasonFor(aValidRow().price(price))).isEqualTo(QuarantineReason.BAD_PRICE);
    }

    // --- the order of the rules ---

    @Test
    void fieldCountComesBeforeEveryFieldRule() {
        String[] eight = {"garbage", "click", "-1", "-1", null, null, "NaN", "-1"};

        assertThat(reasonFor(eight)).isEqualTo(QuarantineReason.FIELD_COUNT);
    }

    @Test
    void badTimeIsReportedBeforeBadType() {
        assertThat(reasonFor(aValidRow().eventTime("garbage").eventType("click")))
                .isEqualTo(QuarantineReason.BAD_EVENT_TIME);
    }

    @Test
    void badTypeIsReportedBeforeBadIdAndBadPrice() {
        assertThat(reasonFor(aValidRow().eventType("click").productId("-1").price("NaN")))
                .isEqualTo(QuarantineReason.BAD_EVENT_TYPE);
    }

    @Test
    void badIdIsReportedBeforeBadPrice() {
        assertThat(reasonFor(aValidRow().userId("-1").price("NaN"))).isEqualTo(QuarantineReason.BAD_ID);
    }

    @Test
    void idsAreCheckedProductThenCategoryThenUser() {
        Validation.Rejected rejected = rejection(EventValidator.validate(
                aValidRow().productId("p").categoryId("c").userId("u").fields()));

        assertThat(rejected.detail()).isEqualTo("product_id is 'p'");
        assertThat(rejection(EventValidator.validate(aValidRow().categoryId("c").userId("u").fields())).detail())
                .isEqualTo("category_id is 'c'");
    }

    // --- helpers ---

    private static QuarantineReason reasonFor(RowBuilder row) {
        return reasonFor(row.fields());
    }

    private static QuarantineReason reasonFor(String[] fields) {
        return rejection(EventValidator.validate(fields)).reason();
    }

    private static Validation.Rejected rejection(Validation validation) {
        assertThat(validation).isInstanceOf(Validation.Rejected.class);
        return (Validation.Rejected) validation;
    }

    private static RawEvent validEvent(String[] fields) {
        Validation validation = EventValidator.validate(fields);
        assertThat(validation).isInstanceOf(Validation.Valid.class);
        return ((Validation.Valid) validation).event();
    }
}
