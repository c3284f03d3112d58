package dev.funnelstream.process;

import dev.funnelstream.validate.RawEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.Collector;

import java.time.Instant;

/**
 * Follows each session through the ordered funnel (first view, then a cart at or after it, then a
 * purchase at or after that cart) and emits its contribution as a changelog of
 * (first_view_hour, carted, purchased): an insert when it first views, an update pair when it
 * moves on or an out-of-order event changes its first view. A session's state is dropped once the
 * watermark is {@code retentionMillis} of event time past its last event (rounded up to the hour);
 * what it reported stays.
 */
final class SessionFunnelFunction extends KeyedProcessFunction<String, RawEvent, Row> {
    private static final long EXPIRY_GRANULARITY_MILLIS = 3_600_000L;
    private final long retentionMillis;
    private transient ValueState<SessionFunnelState> state;

    SessionFunnelFunction(long retentionMillis) {
        this.retentionMillis = retentionMillis;
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("session", SessionFunnelState.class));
    }

    @Override
    public void processElement(RawEvent event, Context ctx, Collector<Row> out) throws Exception {
        SessionFunnelState s = state.value();
        if (s == null) {
            s = new SessionFunnelState();
        }
        long time = ctx.timestamp();
        long expiryBefore = expiry(s.lastEvent);
        s.add(event.eventType().wireName(), time);
        long expiry = expiry(s.lastEvent);
        if (expiry > expiryBefore) {
            ctx.timerService().registerEventTimeTimer(expiry);
        }
        report(s, out);
        state.update(s);
    }

    /**
     * When a session last active at {@code lastEvent} may be forgotten: its retention on, rounded up
     * to the next whole hour, so that a session has a timer or two in all, not one per event (the
     * timers were most of the job's checkpoint and a good part of its heap).
     */
    private long expiry(long lastEvent) {
        if (lastEvent == SessionFunnelState.NONE) {
            return Long.MIN_VALUE;
        }
        long end = lastEvent + retentionMillis;
        return Math.floorDiv(end + EXPIRY_GRANULARITY_MILLIS - 1, EXPIRY_GRANULARITY_MILLIS) * EXPIRY_GRANULARITY_MILLIS;
    }

    private static void report(SessionFunnelState s, Collector<Row> out) {
        if (!s.viewed()) {
            return;
        }
        long hour = s.hour();
        long firstCart = s.firstCart();
        boolean carted = firstCart != SessionFunnelState.NONE;
        boolean purchased = carted && s.lastPurchase >= firstCart;
        if (s.reportedHour == hour && s.reportedCarted == carted && s.reportedPurchased == purchased) {
            return;
        }
        if (s.reportedHour != SessionFunnelState.NONE) {
            out.collect(row(RowKind.UPDATE_BEFORE, s.reportedHour, s.reportedCarted, s.reportedPurchased));
            out.collect(row(RowKind.UPDATE_AFTER, hour, carted, purchased));
        } else {
            out.collect(row(RowKind.INSERT, hour, carted, purchased));
        }
        s.reportedHour = hour;
        s.reportedCarted = carted;
        s.reportedPurchased = purchased;
    }

    private static Row row(RowKind kind, long hour, boolean carted, boolean purchased) {
        return Row.ofKind(kind, Instant.ofEpochMilli(hour), carted ? 1 : 0, purchased ? 1 : 0);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
        SessionFunnelState s = state.value();
        // Only the timer of the latest event ends the session; earlier ones find it still active.
        if (s != null && timestamp >= s.lastEvent + retentionMillis) {
            state.clear();
        }
    }
}
