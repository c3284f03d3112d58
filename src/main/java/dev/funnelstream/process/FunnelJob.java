package dev.funnelstream.process;

import dev.funnelstream.stream.Topics;
import dev.funnelstream.validate.RawEvent;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.types.Row;
import org.apache.flink.util.OutputTag;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live-analytics job: the SQL under {@code /process/} plus keyed steps in Java that need
 * event-time state expiry (dropping exact repeats, the minute funnel, following sessions, ranking
 * the trending products). Built the same way for the
 * embedded MiniCluster and for {@code flink run} on a cluster.
 */
public final class FunnelJob {
    private static final String GROUP_ID = "funnelstream-live-analytics";
    private static final String LOOPBACK = "127.0.0.1";

    private FunnelJob() {
    }

    /**
     * Builds and submits the job; returns at once for a streaming job (await the result to wait).
     *
     * @param restoreFrom a checkpoint to resume from, or null to start from the earliest offsets
     */
    public static TableResult submit(JobSettings s, String restoreFrom) {
        try {
            return build(s, restoreFrom);
        } catch (RuntimeException e) {
            throw new SecretValues(s.clientProperties().values()).masked(e);
        }
    }

    private static TableResult build(JobSettings s, String restoreFrom) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flinkConfig(s, restoreFrom));
        StreamTableEnvironment t = StreamTableEnvironment.create(env, EnvironmentSettings.inStreamingMode());
        tableConfig(s).forEach((k, v) -> t.getConfig().getConfiguration().setString(k, v));

        DataStream<RawEvent> raw = env
                .fromSource(RawEventSource.source(s, GROUP_ID), RawEventSource.watermarks(s), "raw-events")
                .uid("raw-events");
        DataStream<RawEvent> unique = raw
                .keyBy(DeduplicateEvents::key, Types.LONG)
                .process(new DeduplicateEvents(s.dedupRetention().toMillis()))
                .name("drop-exact-repeats").uid("drop-exact-repeats");
        OutputTag<RawEvent> lateTag = new OutputTag<>("late-events", TypeInformation.of(RawEvent.class));
        SingleOutputStreamOperator<RawEvent> onTime = unique
                .process(new SplitLateEvents(lateTag))
                .name("split-late-events").uid("split-late-events");
        DataStream<Row> lateTimes = onTime.getSideOutput(lateTag)
                .map(e -> Row.of(e.eventTime()))
                .returns(Types.ROW_NAMED(new String[] {"event_time"}, Types.INSTANT))
                .name("late-event-times");
        t.createTemporaryView("late_events", t.fromDataStream(lateTimes, Schema.newBuilder()
                .columnByMetadata("rowtime", "TIMESTAMP_LTZ(3)")
                .watermark("rowtime", "SOURCE_WATERMARK()")
                .build()));

        DataStream<Row> minutes = onTime
                .map(new ByMinuteAndCategory())
                .returns(Types.ROW(Types.LONG, Types.STRING, Types.STRING, Types.BIG_DEC, Types.STRING))
                .name("by-minute-and-category")
                .keyBy(r -> (Long) r.getField(0), Types.LONG)
                .process(new MinuteFunnelFunction(minuteEmitIntervalMillis(s)))
                .returns(Types.ROW(Types.INSTANT, Types.STRING, Types.LONG, Types.LONG, Types.LONG, Types.LONG,
                        Types.BIG_DEC, Types.LONG, Types.LONG, Types.LONG))
                .name("minute-funnel").uid("minute-funnel");
        // Each row is its minute and category's latest value, written to the upsert sink by that key.
        // Declared insert-only: as an upsert stream the planner would put a ChangelogNormalize before
        // the sink, keeping every key's last row in state (a tenth of the job's time) to no end.
        t.createTemporaryView("minute_funnel", t.fromDataStream(minutes, Schema.newBuilder()
                .column("f0", DataTypes.TIMESTAMP_LTZ(3).notNull())
                .column("f1", DataTypes.STRING().notNull())
                .column("f2", DataTypes.BIGINT().notNull())
                .column("f3", DataTypes.BIGINT().notNull())
                .column("f4", DataTypes.BIGINT().notNull())
                .column("f5", DataTypes.BIGINT().notNull())
                .column("f6", DataTypes.DECIMAL(18, 6).notNull())
                .column("f7", DataTypes.BIGINT().notNull())
                .column("f8", DataTypes.BIGINT().notNull())
                .column("f9", DataTypes.BIGINT().notNull())
                .build()).as("minute", "category", "views", "carts", "remove_from_carts",
                "purchases", "revenue", "sessions_viewed", "sessions_carted", "sessions_purchased"));

        DataStream<Row> trending = onTime
                .keyBy(e -> 0, Types.INT)
                .process(new TrendingFunction())
                .returns(Types.ROW_NAMED(TrendingFunction.OUTPUT, Types.INSTANT, Types.INT, Types.LONG, Types.LONG,
                        Types.LONG, Types.LONG, Types.BIG_DEC, Types.STRING, Types.STRING, Types.INT))
                .name("trending-products").uid("trending-products");
        t.createTemporaryView("trending_products", t.fromDataStream(trending, Schema.newBuilder()
                .column("window_end", DataTypes.TIMESTAMP_LTZ(3).notNull())
                .column("rank", DataTypes.INT().notNull())
                .column("product_id", DataTypes.BIGINT().notNull())
                .column("views", DataTypes.BIGINT().notNull())
                .column("carts", DataTypes.BIGINT().notNull())
                .column("purchases", DataTypes.BIGINT().notNull())
                .column("revenue", DataTypes.DECIMAL(18, 6).notNull())
                .column("brand", DataTypes.STRING())
                .column("category_code", DataTypes.STRING())
                .column("previous_rank", DataTypes.INT())
                .build()));

        DataStream<Row> sessions = unique
                .filter(e -> e.userSession() != null)
                .keyBy(RawEvent::userSession, Types.STRING)
                .process(new SessionFunnelFunction(s.sessionRetention().toMillis()))
                .returns(Types.ROW_NAMED(new String[] {"first_view_hour", "carted", "purchased"},
                        Types.INSTANT, Types.INT, Types.INT))
                .name("session-funnel").uid("session-funnel");
        t.createTemporaryView("session_progress", t.fromChangelogStream(sessions, Schema.newBuilder()
                .column("first_view_hour", DataTypes.TIMESTAMP_LTZ(3).notNull())
                .column("carted", DataTypes.INT().notNull())
                .column("purchased", DataTypes.INT().notNull())
                .build(), ChangelogMode.all()));

        run(t, "views.sql", s);
        run(t, "sinks.sql", s);
        StatementSet inserts = t.createStatementSet();
        for (String insert : statements("inserts.sql", s)) {
            inserts.addInsertSql(insert);
        }
        return inserts.execute();
    }

    /**
     * A live job shows each minute while it runs; a bounded one (a drain) emits each minute once,
     * when it closes. A drain reads a landed backlog far ahead of its watermark, so a minute closes
     * within a moment of wall time anyway, and its updates before that were half of all the
     * records the job wrote (1M events: ~450k of 1.2M), each carried through Avro, Kafka and DuckDB.
     */
    static long minuteEmitIntervalMillis(JobSettings s) {
        return s.bounded() ? 0 : s.emitInterval().toMillis();
    }

    private static void run(StreamTableEnvironment t, String file, JobSettings s) {
        for (String sql : statements(file, s)) {
            t.executeSql(sql);
        }
    }

    private static List<String> statements(String file, JobSettings s) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("funnel_minute_topic", Topics.AGG_FUNNEL_MINUTE);
        values.put("session_funnel_topic", Topics.AGG_SESSION_FUNNEL);
        values.put("trending_topic", Topics.AGG_TRENDING);
        values.put("late_events_topic", Topics.AGG_LATE_EVENTS);
        Map<String, String> lists = Map.of("sink_options", JobSql.options(bufferedSinkOptions(s)),
                "unbuffered_sink_options", JobSql.options(sinkOptions(s)));
        return JobSql.statements(file, values, lists);
    }

    /** The user's client properties (security and the like) as connector options. */
    private static Map<String, String> kafkaProperties(JobSettings s) {
        Map<String, String> out = new LinkedHashMap<>();
        s.clientProperties().forEach((k, v) -> out.put("properties." + k, v));
        return out;
    }

    private static Map<String, String> sinkOptions(JobSettings s) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("properties.bootstrap.servers", s.bootstrapServers());
        out.putAll(kafkaProperties(s));
        out.put("key.format", "avro");
        out.put("value.format", "avro");
        return out;
    }

    /** For changelogs that update a key many times a second (the session funnel's hours, trending). */
    private static Map<String, String> bufferedSinkOptions(JobSettings s) {
        Map<String, String> out = sinkOptions(s);
        // Keeps only the latest update of a key within the interval: fewer, fresher records.
        out.put("sink.buffer-flush.max-rows", "5000");
        out.put("sink.buffer-flush.interval", s.emitInterval().toMillis() + " ms");
        return out;
    }

    private static Configuration flinkConfig(JobSettings s, String restoreFrom) {
        Configuration c = new Configuration();
        c.set(CoreOptions.DEFAULT_PARALLELISM, s.parallelism());
        // The embedded MiniCluster's REST endpoint and blob server would otherwise listen on every
        // interface, with no authentication. Only bind options: a cluster under `flink run` started
        // its servers with its own configuration, and the client still finds it by rest.address.
        c.set(RestOptions.BIND_ADDRESS, LOOPBACK);
        c.set(JobManagerOptions.BIND_HOST, LOOPBACK);
        c.set(TaskManagerOptions.BIND_HOST, LOOPBACK);
        c.set(StateBackendOptions.STATE_BACKEND, "hashmap");
        // Records wait at most this long in a network buffer between tasks (Flink's default is
        // 100 ms per hop; the job has three hops, and results should show within a second).
        c.set(ExecutionOptions.BUFFER_TIMEOUT, Duration.ofMillis(20));
        c.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, s.checkpointInterval());
        c.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, s.checkpointDir());
        c.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        c.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(2));
        if (restoreFrom != null) {
            c.set(StateRecoveryOptions.SAVEPOINT_PATH, restoreFrom);
            // A checkpoint of an older version of the job may hold state of operators since
            // replaced (e.g. trending's SQL windows); the new ones start empty instead of failing.
            c.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, true);
        }
        return c;
    }

    private static Map<String, String> tableConfig(JobSettings s) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("table.local-time-zone", "UTC");
        c.put("pipeline.name", "funnelstream-live-analytics");
        // No mini-batch: its assigner would sit right after the source and, feeding the Java steps,
        // replace the event-time watermark with a wall-clock one. The sinks' buffer does the batching.
        c.put("table.exec.mini-batch.enabled", "false");
        // The minute funnel arrives as whole rows, each the latest of its key: the sink may write
        // them as they come, no materializing state in front of it.
        c.put("table.exec.sink.upsert-materialize", "NONE");
        return c;
    }
}
