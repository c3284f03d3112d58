package dev.funnelstream.process;

import dev.funnelstream.validate.RawEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;


/**
 * Drops exact repeats: keyed by the event's identity (the same id the warehouse uses), it lets the
 * first copy through and forgets the key once the watermark is {@code retentionMillis} of event time
 * past the event. Event time, not wall time, bounds the state, so it stays the same size at any
 * replay speed: about one retention's worth of events.
 */
final class DeduplicateEvents extends KeyedProcessFunction<Long, RawEvent, RawEvent> {
    private final long retentionMillis;
    private transient ValueState<Boolean> seen;
    private transient Counter repeats;

    DeduplicateEvents(long retentionMillis) {
        this.retentionMillis = retentionMillis;
    }

    @Override
    public void open(OpenContext openContext) {
        seen = getRuntimeContext().getState(new ValueStateDescriptor<>("seen", Boolean.class));
        repeats = getRuntimeContext().getMetricGroup().counter("exactRepeats");
    }

    @Override
    public void processElement(RawEvent event, Context ctx, Collector<RawEvent> out) throws Exception {
        if (seen.value() != null) {
            repeats.inc();
            return;
        }
        seen.update(Boolean.TRUE);
        ctx.timerService().registerEventTimeTimer(ctx.timestamp() + retentionMillis);
        out.collect(event);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<RawEvent> out) {
        seen.clear();
    }
}
