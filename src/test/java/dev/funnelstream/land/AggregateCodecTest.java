package dev.funnelstream.land;

import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Records written with Avro's own writer and the checked-in schemas (plain binary, timestamps as
 * epoch-millisecond longs, decimals as big-endian two's-complement bytes at scale 6, as Flink's
 * 'avro' format writes them) decode into JDBC-ready values in field order.
 */
class AggregateCodecTest {
    private static final Instant MINUTE = Instant.parse("2019-10-01T10:05:00Z");
    private static final OffsetDateTime MINUTE_UTC = OffsetDateTime.of(2019, 10, 1, 10, 5, 0, 0, ZoneOffset.UTC);

    @Test
    void funnelMinuteValueAndKey() throws IOException {
        AggregateCodec codec = new AggregateCodec("funnel_minute");
        GenericRecord v = record("funnel_minute.avsc");
        v.put("minute", MINUTE.toEpochMilli());
        v.put("category", "electronics");
        v.put("views", 10L);
        v.put("carts", 4L);
        v.put("remove_from_carts", 1L);
        v.put("purchases", 2L);
        v.put("revenue", decimal("1234.567891"));
        v.put("sessions_viewed", 7L);
        v.put("sessions_carted", 3L);
        v.put("sessions_purchased", 2L);

        Object[] values = codec.value(encode(v));

        assertThat(values).containsExactly(MINUTE_UTC, "electronics", 10L, 4L, 1L, 2L,
                new BigDecimal("1234.567891"), 7L, 3L, 2L);
        assertThat(values[0]).isInstanceOf(OffsetDateTime.class);
        assertThat(((OffsetDateTime) values[0]).getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(values[1]).isInstanceOf(String.class);
        assertThat(((BigDecimal) values[6]).scale()).isEqualTo(6);

        GenericRecord k = record("funnel_minute.key.avsc");
        k.put("minute", MINUTE.toEpochMilli());
        k.put("category", "all");
        assertThat(codec.key(encode(k))).containsExactly(MINUTE_UTC, "all");
    }

    @Test
    void sessionFunnelValueAndKey() throws IOException {
        AggregateCodec codec = new AggregateCodec("session_funnel");
        Instant hour = Instant.parse("2019-10-01T10:00:00Z");
        GenericRecord v = record("session_funnel.avsc");
        v.put("hour", hour.toEpochMilli());
        v.put("viewed", 100L);
        v.put("carted", 20L);
        v.put("purchased", 5L);
        GenericRecord k = record("session_funnel.key.avsc");
        k.put("hour", hour.toEpochMilli());

        assertThat(codec.value(encode(v))).containsExactly(hour.atOffset(ZoneOffset.UTC), 100L, 20L, 5L);
        assertThat(codec.key(encode(k))).containsExactly(hour.atOffset(ZoneOffset.UTC));
    }

    @Test
    void trendingWithEveryOptionalFieldSet() throws IOException {
        AggregateCodec codec = new AggregateCodec("trending");
        GenericRecord v = trending();
        v.put("brand", "apple");
        v.put("category_code", "electronics.smartphone");
        v.put("previous_rank", 7);

        Object[] values = codec.value(encode(v));

        assertThat(values).containsExactly(MINUTE_UTC, 3, 1005115L, 50L, 6L, 2L, new BigDecimal("1799.800000"),
                "apple", "electronics.smartphone", 7);
        assertThat(values[1]).isInstanceOf(Integer.class);
        assertThat(values[2]).isInstanceOf(Long.class);
        assertThat(values[7]).isInstanceOf(String.class);
        assertThat(values[9]).isInstanceOf(Integer.class);
        assertThat(((BigDecimal) values[6]).scale()).isEqualTo(6);
    }

    @Test
    void trendingNullableFieldsDecodeToNull() throws IOException {
        AggregateCodec codec = new AggregateCodec("trending");
        GenericRecord v = trending();
        v.put("brand", null);
        v.put("category_code", null);
        v.put("previous_rank", null);

        Object[] values = codec.value(encode(v));

        assertThat(values).hasSize(10);
        assertThat(Arrays.copyOfRange(values, 7, 10)).containsOnlyNulls();
        assertThat(values[0]).isEqualTo(MINUTE_UTC);

        GenericRecord k = record("trending.key.avsc");
        k.put("window_end", MINUTE.toEpochMilli());
        k.put("rank", 3);
        assertThat(codec.key(encode(k))).containsExactly(MINUTE_UTC, 3);
    }

    @Test
    void lateEventsValueAndKey() throws IOException {
        AggregateCodec codec = new AggregateCodec("late_events");
        GenericRecord v = record("late_events.avsc");
        v.put("minute", MINUTE.toEpochMilli());
        v.put("events", 12L);
        GenericRecord k = record("late_events.key.avsc");
        k.put("minute", MINUTE.toEpochMilli());

        assertThat(codec.value(encode(v))).containsExactly(MINUTE_UTC, 12L);
        assertThat(codec.key(encode(k))).containsExactly(MINUTE_UTC);
    }

    @Test
    void negativeAndZeroDecimalsAndMillisecondTimesSurvive() throws IOException {
        AggregateCodec codec = new AggregateCodec("funnel_minute");
        Instant odd = Instant.parse("1969-12-31T23:59:59.123Z");
        for (String amount : new String[] {"0.000000", "-0.000001", "-987654321.123456", "999999999999.999999"}) {
            GenericRecord v = record("funnel_minute.avsc");
            v.put("minute", odd.toEpochMilli());
            v.put("category", "unknown");
            for (String f : new String[] {"views", "carts", "remove_from_carts", "purchases", "sessions_viewed",
                    "sessions_carted", "sessions_purchased"}) {
                v.put(f, 0L);
            }
            v.put("revenue", decimal(amount));

            Object[] values = codec.value(encode(v));

            assertThat(values[6]).as(amount).isEqualTo(new BigDecimal(amount));
            assertThat(values[0]).isEqualTo(odd.atOffset(ZoneOffset.UTC));
        }
    }

    @Test
    void aCodecDecodesOneRecordAfterAnother() throws IOException {
        AggregateCodec codec = new AggregateCodec("late_events");
        for (long n = 0; n < 3; n++) {
            GenericRecord v = record("late_events.avsc");
            v.put("minute", MINUTE.toEpochMilli() + n * 60_000);
            v.put("events", n);
            assertThat(codec.value(encode(v))).containsExactly(MINUTE_UTC.plusMinutes(n), n);
        }
    }

    @Test
    void garbageBytesAreAnIllegalArgument() {
        AggregateCodec codec = new AggregateCodec("funnel_minute");

        // Nothing at all: the first field cannot be read.
        assertThatThrownBy(() -> codec.value(new byte[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a record of");
        // A minute, then a string of negative length.
        assertThatThrownBy(() -> codec.key(new byte[] {0x02, 0x01}))
                .isInstanceOf(IllegalArgumentException.class);
        // Text where a record is expected: ends before its fields do.
        assertThatThrownBy(() -> codec.value("hello".getBytes()))
                .isInstanceOf(IllegalArgumentException.class);
        // A truncated key of the trending topic.
        assertThatThrownBy(() -> new AggregateCodec("trending").key(new byte[] {0x02}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnknownAggregateHasNoSchema() {
        assertThatThrownBy(() -> new AggregateCodec("no_such_aggregate"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no_such_aggregate.avsc");
    }

    private static GenericRecord trending() throws IOException {
        GenericRecord v = record("trending.avsc");
        v.put("window_end", MINUTE.toEpochMilli());
        v.put("rank", 3);
        v.put("product_id", 1005115L);
        v.put("views", 50L);
        v.put("carts", 6L);
        v.put("purchases", 2L);
        v.put("revenue", decimal("1799.8"));
        return v;
    }

    /** A decimal as Avro's decimal logical type stores it: the unscaled value's bytes at the schema's scale 6. */
    private static ByteBuffer decimal(String amount) {
        return ByteBuffer.wrap(new BigDecimal(amount).setScale(6).unscaledValue().toByteArray());
    }

    private static GenericRecord record(String file) throws IOException {
        return AvroBytes.record(file);
    }

    private static byte[] encode(GenericRecord r) throws IOException {
        return AvroBytes.encode(r);
    }
}
