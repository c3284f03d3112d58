package dev.funnelstream.stream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/** The raw-event JSON Schema as shipped on the classpath, the contract the topic's records must meet. */
final class RawEventSchema {
    private static final String PATH = "/schemas/raw-event.schema.json";
    private static final Schema SCHEMA = load();

    private RawEventSchema() {
    }

    /** The schema's complaints about a JSON text; empty when it is a valid raw event. */
    static List<String> errors(String json) {
        return SCHEMA.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    static List<String> errors(byte[] json) {
        return errors(new String(json, StandardCharsets.UTF_8));
    }

    private static Schema load() {
        try (InputStream in = RawEventSchema.class.getResourceAsStream(PATH)) {
            if (in == null) {
                throw new IllegalStateException(PATH + " is not on the classpath");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(text, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
