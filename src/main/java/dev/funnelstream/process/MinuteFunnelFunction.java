package dev.funnelstream.process;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.types.Row;
import org.apache.flink.util.Collector;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The funnel of one UTC minute and top-level category (or 'all'), updated with every on-time event
 * and emitted as the row so far (an upsert by minute and category: the sink keeps the latest per
 * key) at most once per emit interval while the minute runs (in a live job), so results show while it runs without a row per event (which cost
 * more to carry to the sink than the counting). Late events never get here, so once the watermark
 * passes the minute's end nothing more can come for it: its last changes are emitted and its state
 * is dropped. Memory holds only the minutes the watermark is still behind, at any replay speed.
 * (Flink SQL's state TTL counts wall time, and expiring per-minute distinct-session maps with it
 * cost more than the aggregation itself.)
 */
final class MinuteFunnelFunction extends KeyedProcessFunction<String, Row, Row> {
    /** Input fields: minute start (epoch ms), category, event_type, price, user_session. */
    static final String[] INPUT = {"minute", "category", "event_type", "price", "user_session"};

    private final long emitIntervalMillis;
    private transient ValueState<MinuteFunnelState> state;

    /**
     * @param emitIntervalMillis how long a minute's changes may wait before they are emitted; 0 to
     *                           emit each minute only once, when the watermark closes it
     */
    MinuteFunnelFunction(long emitIntervalMillis) {
        this.emitIntervalMillis = emitIntervalMillis;
    }

    /** The key of a minute and category. */
    static String key(long minute, String category) {
        return minute + "|" + category;
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("minute-funnel", MinuteFunnelState.class));
    }

    @Override
    public void processElement(Row event, Context ctx, Collector<Row> out) throws Exception {
        MinuteFunnelState s = state.value();
        if (s == null) {
            s = new MinuteFunnelState();
            ctx.timerService().registerEventTimeTimer((Long) event.getField(0) + 60_000);
        }
        s.add((String) event.getField(2), (BigDecimal) event.getField(3), (String) event.getField(4));
        if (!s.pending) {
            s.pending = true;
            if (emitIntervalMillis > 0) { // else the minute's closing emits it
                // On the interval's boundary, so the keys changed in one interval share their timer's moment.
                long now = ctx.timerService().currentProcessingTime();
                ctx.timerService().registerProcessingTimeTimer(now - now % emitIntervalMillis + emitIntervalMillis);
            }
        }
        state.update(s);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
        MinuteFunnelState s = state.value();
        if (s == null) {
            return; // an emit timer of a minute already closed
        }
        if (s.pending) {
            emit(ctx.getCurrentKey(), s, out);
            s.pending = false;
        }
        if (ctx.timeDomain() == TimeDomain.EVENT_TIME) {
            state.clear(); // the watermark is past the minute: what was reported is final
        } else {
            state.update(s);
        }
    }

    private static void emit(String key, MinuteFunnelState s, Collector<Row> out) {
        int bar = key.indexOf('|'); // the minute has none; a category could
        long minute = Long.parseLong(key.substring(0, bar));
        out.collect(Row.of(Instant.ofEpochMilli(minute), key.substring(bar + 1), s.views, s.carts,
                s.removeFromCarts, s.purchases, s.revenue,
                (long) s.viewed.size(), (long) s.carted.size(), (long) s.purchased.size()));
    }
}
