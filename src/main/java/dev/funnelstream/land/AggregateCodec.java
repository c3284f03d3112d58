package dev.funnelstream.land;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Decodes one aggregate topic's Avro records (plain binary, as Flink's 'avro' format writes them)
 * with the checked-in schemas under {@code schemas/avro/}, into JDBC-ready values in field order:
 * timestamps as UTC {@link OffsetDateTime}, decimals as {@link BigDecimal}, text as String.
 */
final class AggregateCodec {
    private final Schema value;
    private final Schema key;
    private final GenericDatumReader<GenericRecord> valueReader;
    private final GenericDatumReader<GenericRecord> keyReader;
    private BinaryDecoder decoder;

    AggregateCodec(String aggregate) {
        this.value = schema(aggregate + ".avsc");
        this.key = schema(aggregate + ".key.avsc");
        this.valueReader = new GenericDatumReader<>(value);
        this.keyReader = new GenericDatumReader<>(key);
    }

    Object[] value(byte[] bytes) {
        return decode(valueReader, value, bytes);
    }

    Object[] key(byte[] bytes) {
        return decode(keyReader, key, bytes);
    }

    private Object[] decode(GenericDatumReader<GenericRecord> reader, Schema schema, byte[] bytes) {
        try {
            decoder = DecoderFactory.get().binaryDecoder(bytes, decoder);
            GenericRecord r = reader.read(null, decoder);
            Object[] out = new Object[schema.getFields().size()];
            for (Schema.Field f : schema.getFields()) {
                out[f.pos()] = jdbcValue(f.schema(), r.get(f.pos()));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a record of " + schema.getFullName() + ": " + e.getMessage(), e);
        }
    }

    private static Object jdbcValue(Schema schema, Object v) {
        if (v == null) {
            return null;
        }
        if (schema.getType() == Schema.Type.UNION) {
            for (Schema branch : schema.getTypes()) {
                if (branch.getType() != Schema.Type.NULL) {
                    return jdbcValue(branch, v);
                }
            }
        }
        if (schema.getLogicalType() instanceof LogicalTypes.TimestampMillis) {
            return OffsetDateTime.ofInstant(Instant.ofEpochMilli((Long) v), ZoneOffset.UTC);
        }
        if (schema.getLogicalType() instanceof LogicalTypes.Decimal d) {
            ByteBuffer b = ((ByteBuffer) v).duplicate();
            byte[] unscaled = new byte[b.remaining()];
            b.get(unscaled);
            return new BigDecimal(new BigInteger(unscaled), d.getScale());
        }
        if (v instanceof CharSequence text) {
            return text.toString();
        }
        return v;
    }

    private static Schema schema(String file) {
        try (InputStream in = AggregateCodec.class.getResourceAsStream("/schemas/avro/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing schema /schemas/avro/" + file);
            }
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
