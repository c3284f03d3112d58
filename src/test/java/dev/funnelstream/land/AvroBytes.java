package dev.funnelstream.land;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Aggregate records as Flink's 'avro' format writes them: the checked-in schemas, plain binary. */
final class AvroBytes {
    private AvroBytes() {
    }

    /** An empty record of {@code /schemas/avro/<file>}. */
    static GenericRecord record(String file) throws IOException {
        try (InputStream in = AvroBytes.class.getResourceAsStream("/schemas/avro/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no schema /schemas/avro/" + file);
            }
            return new GenericData.Record(new Schema.Parser().parse(in));
        }
    }

    static byte[] encode(GenericRecord r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(r.getSchema()).write(r, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
