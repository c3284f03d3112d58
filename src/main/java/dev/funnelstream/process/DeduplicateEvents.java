package dev.funnelstream.process;

import dev.funnelstream.validate.EventIdentity;
import dev.funnelstream.validate.RawEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;


/**
 * Drops exact repeats. An exact repeat has the same nine values, so the same event time: the step
 * is keyed by the event's minute and a bucket from its ids, and each key holds the identities (the
 * same id the warehouse uses) of its events in one {@link EventIdSet}, with one timer that forgets
 * them once the watermark is {@code retentionMillis} of event time past the minute. Event time,
 * not wall time, bounds the state, so it stays the same size at any replay speed: about one
 * retention's worth of ids. (Keyed by the identity itself, every event cost a state entry and a
 * timer: a tenth of the whole job.)
 */
final class DeduplicateEvents extends KeyedProcessFunction<Long, RawEvent, RawEvent> {
    /** Keys per minute: spreads a busy minute over the job's parallel instances. */
    static final int BUCKETS = 8;
    private static final long MINUTE_MILLIS = 60_000L;

    private final long retentionMillis;
    private transient ValueState<EventIdSet> ids;
    private transient Counter repeats;

    DeduplicateEvents(long retentionMillis) {
        this.retentionMillis = retentionMillis;
    }

    /** The key: the event's minute and a bucket, both equal for every copy of an event. */
    static long key(RawEvent e) {
        long minute = Math.floorDiv(e.eventTime().toEpochMilli(), MINUTE_MILLIS);
        return minute * BUCKETS + Math.floorMod(e.productId() ^ e.userId(), BUCKETS);
    }

    @Override
    public void open(OpenContext openContext) {
        ids = getRuntimeContext().getState(new ValueStateDescriptor<>("minute-ids", EventIdSet.class));
        repeats = getRuntimeContext().getMetricGroup().counter("exactRepeats");
    }

    @Override
    public void processElement(RawEvent event, Context ctx, Collector<RawEvent> out) throws Exception {
        EventIdSet set = ids.value();
        if (set == null) {
            set = new EventIdSet();
            long minuteEnd = Math.floorDiv(ctx.getCurrentKey(), BUCKETS) * MINUTE_MILLIS + MINUTE_MILLIS;
            ctx.timerService().registerEventTimeTimer(minuteEnd - 1 + retentionMillis);
        }
        if (!set.add(EventIdentity.of(event))) {
            repeats.inc();
            return;
        }
        ids.update(set);
        out.collect(event);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<RawEvent> out) {
        ids.clear();
    }
}
