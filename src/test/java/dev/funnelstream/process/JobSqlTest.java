package dev.funnelstream.process;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.catalog.ObjectPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The job's SQL files with their placeholders filled: a test file under {@code src/test/resources/process/}
 * for the mechanics, and the real files with exactly the values {@link FunnelJob} passes.
 */
class JobSqlTest {
    private static final String JAAS =
            "org.apache.kafka.common.security.plain.PlainLoginModule required username='u' password='p';";
    private static final String JAAS_LITERAL =
            "'org.apache.kafka.common.security.plain.PlainLoginModule required username=''u'' password=''p'';'";

    @Test
    void splitsStatementsDropsCommentsFillsValuesAndOptionListsAndRemovesTheLastComma() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("k1", "v1");
        options.put("k2", "v2");

        List<String> sql = JobSql.statements("jobsql-test.sql", Map.of("topic", "events"),
                Map.of("options", JobSql.options(options)));

        assertThat(sql).containsExactly("""
                CREATE TABLE t (
                    a STRING
                ) WITH (
                    'topic' = 'events',
                    'k1' = 'v1',
                    'k2' = 'v2'
                )""", "SELECT 'events' AS a", "SELECT 1");
    }

    @Test
    void anEmptyOptionListLeavesNoDanglingComma() {
        List<String> sql = JobSql.statements("jobsql-test.sql", Map.of("topic", "events"),
                Map.of("options", JobSql.options(Map.of())));

        assertThat(sql.get(0)).isEqualTo("""
                CREATE TABLE t (
                    a STRING
                ) WITH (
                    'topic' = 'events'
                )""");
    }

    @Test
    void plainValuesAreQuotedAsStringContents() {
        List<String> sql = JobSql.statements("jobsql-test.sql", Map.of("topic", "it's"),
                Map.of("options", ""));

        assertThat(sql.get(1)).isEqualTo("SELECT 'it''s' AS a");
        assertThat(sql.get(0)).contains("'topic' = 'it''s'\n)");
    }

    @Test
    void optionListsQuoteEveryKeyAndValueAndEndEachWithAComma() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("properties.sasl.jaas.config", JAAS);
        options.put("we'ird", "plain");

        assertThat(JobSql.options(options)).isEqualTo(
                "'properties.sasl.jaas.config' = " + JAAS_LITERAL + ",\n    "
                        + "'we''ird' = 'plain',\n    ");
        assertThat(JobSql.options(Map.of())).isEmpty();
    }

    @Test
    void anUnfilledPlaceholderThrowsNamingTheFile() {
        assertThatThrownBy(() -> JobSql.statements("jobsql-unfilled.sql", Map.of("known", "x"), Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("jobsql-unfilled.sql")
                .hasMessageContaining("${unknown}");
    }

    @Test
    void aMissingFileThrows() {
        assertThatThrownBy(() -> JobSql.statements("no-such-file.sql", Map.of(), Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/process/no-such-file.sql");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sinks.sql", "views.sql", "inserts.sql"})
    void everyPlaceholderOfTheJobsFilesIsFilledByWhatFunnelJobPasses(String file) {
        List<String> sql = funnelJobStatements(file, settings());

        assertThat(sql).isNotEmpty().allSatisfy(s -> {
            assertThat(s).doesNotContain("${");
            assertThat(s).doesNotEndWith(";");
            assertThat(s).doesNotContainPattern(",\\s*\\)");
            assertThat(s).doesNotContain("\n--");
        });
    }

    @Test
    void theInsertsAreOneInsertPerAggregateTopic() {
        List<String> inserts = funnelJobStatements("inserts.sql", settings());

        assertThat(inserts).hasSize(4).allMatch(sql -> sql.startsWith("INSERT INTO "));
        assertThat(String.join("\n", inserts)).contains("INSERT INTO funnel_minute_sink", "INSERT INTO session_funnel_sink",
                "INSERT INTO trending_sink", "INSERT INTO late_events_sink");
    }

    @Test
    void flinkReadsTheQuotedKafkaPropertiesBackExactly() throws Exception {
        TableEnvironment t = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        for (String sql : funnelJobStatements("sinks.sql", settings())) {
            t.executeSql(sql);
        }

        var catalog = t.getCatalog(t.getCurrentCatalog()).orElseThrow();
        for (String sink : List.of("funnel_minute_sink", "session_funnel_sink", "trending_sink", "late_events_sink")) {
            Map<String, String> options = catalog.getTable(new ObjectPath(t.getCurrentDatabase(), sink)).getOptions();
            assertThat(options).as(sink)
                    .containsEntry("connector", "upsert-kafka")
                    .containsEntry("properties.sasl.jaas.config", JAAS)
                    .containsEntry("properties.bootstrap.servers", "broker:9092")
                    .containsEntry("key.format", "avro")
                    .containsEntry("value.format", "avro");
        }
        // The minute funnel sends each key at most once per emit interval itself; the changelogs buffer.
        assertThat(catalog.getTable(new ObjectPath(t.getCurrentDatabase(), "funnel_minute_sink")).getOptions())
                .doesNotContainKeys("sink.buffer-flush.interval", "sink.buffer-flush.max-rows");
        for (String sink : List.of("session_funnel_sink", "trending_sink", "late_events_sink")) {
            assertThat(catalog.getTable(new ObjectPath(t.getCurrentDatabase(), sink)).getOptions()).as(sink)
                    .containsEntry("sink.buffer-flush.interval", settings().emitInterval().toMillis() + " ms");
        }
    }

    @Test
    void aLiveJobShowsEachMinuteWhileItRunsADrainOnlyOnceItCloses() {
        JobSettings drain = settings();
        JobSettings live = JobSettings.defaults("broker:9092", Map.of(), "file:///tmp/ckpt", false);

        assertThat(FunnelJob.minuteEmitIntervalMillis(live)).isEqualTo(live.emitInterval().toMillis()).isPositive();
        assertThat(FunnelJob.minuteEmitIntervalMillis(drain)).isZero();
    }

    private static JobSettings settings() {
        Map<String, String> kafka = new LinkedHashMap<>();
        kafka.put("bootstrap.servers", "ignored:1");
        kafka.put("security.protocol", "SASL_SSL");
        kafka.put("sasl.jaas.config", JAAS);
        return JobSettings.defaults("broker:9092", kafka, "file:///tmp/ckpt", true);
    }

    /** FunnelJob's own (private) filling of a file, so the test sees exactly the keys the job passes. */
    @SuppressWarnings("unchecked")
    private static List<String> funnelJobStatements(String file, JobSettings s) {
        try {
            Method m = FunnelJob.class.getDeclaredMethod("statements", String.class, JobSettings.class);
            m.setAccessible(true);
            return (List<String>) m.invoke(null, file, s);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The trailing-comma removal must not reach into string literals: a value (a password, say)
     * containing a comma followed by ')' is kept as it is.
     */
    @Test
    void aValueWithACommaBeforeAParenthesisIsKeptAsIs() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("properties.sasl.jaas.config", "m required password='a, )';");
        List<String> sql = JobSql.statements("jobsql-test.sql", Map.of("topic", "x, )"),
                Map.of("options", JobSql.options(options)));

        assertThat(sql.get(1)).isEqualTo("SELECT 'x, )' AS a");
        assertThat(sql.get(0)).contains("'m required password=''a, )'';'");
    }
}
