package dev.funnelstream.process;

import org.apache.avro.Schema;
import org.apache.flink.formats.avro.typeutils.AvroSchemaConverter;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checked-in Avro schemas under {@code schemas/avro/} are exactly what Flink's 'avro' format
 * writes for each aggregate topic (value and key), so the loader decodes what the job encodes.
 * Run with {@code -Dfunnelstream.writeSchemas=true} to rewrite them after changing a sink.
 */
class AggregateSchemasTest {

    @ParameterizedTest
    @ValueSource(strings = {"funnel_minute", "session_funnel", "trending", "late_events"})
    void checkedInSchemasEqualWhatFlinkWrites(String aggregate) throws IOException {
        ResolvedSchema sink = sinkSchema(aggregate + "_sink");
        RowType value = (RowType) sink.toPhysicalRowDataType().getLogicalType().copy(false);
        RowType key = keyType(sink, value);

        assertSchema(aggregate + ".avsc", AvroSchemaConverter.convertToSchema(value));
        assertSchema(aggregate + ".key.avsc", AvroSchemaConverter.convertToSchema(key));
    }

    private static void assertSchema(String file, Schema derived) throws IOException {
        if (Boolean.getBoolean("funnelstream.writeSchemas")) {
            Path out = Path.of("schemas/avro", file);
            Files.createDirectories(out.getParent());
            Files.writeString(out, derived.toString(true) + "\n");
        }
        try (InputStream in = AggregateSchemasTest.class.getResourceAsStream("/schemas/avro/" + file)) {
            assertThat(in).as("schemas/avro/%s in the jar", file).isNotNull();
            assertThat(new Schema.Parser().parse(in)).isEqualTo(derived);
        }
    }

    private static RowType keyType(ResolvedSchema sink, RowType value) {
        var keys = sink.getPrimaryKey().orElseThrow().getColumns();
        LogicalType[] types = keys.stream().map(k -> value.getTypeAt(value.getFieldIndex(k))).toArray(LogicalType[]::new);
        return RowType.of(false, types, keys.toArray(String[]::new));
    }

    private static ResolvedSchema sinkSchema(String table) {
        TableEnvironment t = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        String options = JobSql.options(Map.of("properties.bootstrap.servers", "127.0.0.1:9", "key.format", "avro",
                "value.format", "avro"));
        for (String sql : JobSql.statements("sinks.sql", Map.of(
                "funnel_minute_topic", "a", "session_funnel_topic", "b", "trending_topic", "c", "late_events_topic", "d"),
                Map.of("sink_options", options, "unbuffered_sink_options", options))) {
            t.executeSql(sql);
        }
        return t.from(table).getResolvedSchema();
    }
}
