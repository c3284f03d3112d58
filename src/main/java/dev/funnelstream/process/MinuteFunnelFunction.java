package dev.funnelstream.process;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.types.Row;
import org.apache.flink.util.Collector;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * The funnels of one UTC minute, per top-level category and 'all', updated with every on-time event
 * and emitted as the rows so far (upserts by minute and category: the sink keeps the latest per
 * key). In a live job each changed category is emitted at most once per emit interval while the
 * minute runs, so results show while it runs without a row per event (which cost more to carry to
 * the sink than the counting). Late events never get here, so once the watermark passes the
 * minute's end nothing more can come for it: its last changes are emitted and its state is
 * dropped. Memory holds only the minutes the watermark is still behind, at any replay speed.
 * Keyed by the minute alone, so each event crosses to this step once, not once for its category
 * and again for 'all'. (Flink SQL's state TTL counts wall time, and expiring per-minute
 * distinct-session maps with it cost more than the aggregation itself.)
 */
final class MinuteFunnelFunction extends KeyedProcessFunction<Long, Row, Row> {
    /** Input fields: minute start (epoch ms), category, event_type, price, user_session. */
    static final String[] INPUT = {"minute", "category", "event_type", "price", "user_session"};

    private final long emitIntervalMillis;
    private transient MapState<String, MinuteFunnelState> categories;

    /**
     * @param emitIntervalMillis how long a minute's changes may wait before they are emitted; 0 to
     *                           emit each minute only once, when the watermark closes it
     */
    MinuteFunnelFunction(long emitIntervalMillis) {
        this.emitIntervalMillis = emitIntervalMillis;
    }

    @Override
    public void open(OpenContext openContext) {
        categories = getRuntimeContext().getMapState(
                new MapStateDescriptor<>("minute-funnels", String.class, MinuteFunnelState.class));
    }

    @Override
    public void processElement(Row event, Context ctx, Collector<Row> out) throws Exception {
        long minute = (Long) event.getField(0);
        String type = (String) event.getField(2);
        BigDecimal price = (BigDecimal) event.getField(3);
        String session = (String) event.getField(4);
        MinuteFunnelState all = categories.get(ByMinuteAndCategory.ALL);
        if (all == null) {
            all = new MinuteFunnelState();
            ctx.timerService().registerEventTimeTimer(minute + 60_000);
        }
        count(ByMinuteAndCategory.ALL, all, type, price, session, ctx);
        String category = (String) event.getField(1);
        MinuteFunnelState one = categories.get(category);
        count(category, one == null ? new MinuteFunnelState() : one, type, price, session, ctx);
    }

    private void count(String category, MinuteFunnelState s, String type, BigDecimal price, String session,
                       Context ctx) throws Exception {
        s.add(type, price, session);
        if (!s.pending) {
            s.pending = true;
            if (emitIntervalMillis > 0) { // else the minute's closing emits it
                // On the interval's boundary: one timer for all the minute's changes in an interval.
                long now = ctx.timerService().currentProcessingTime();
                ctx.timerService().registerProcessingTimeTimer(now - now % emitIntervalMillis + emitIntervalMillis);
            }
        }
        categories.put(category, s);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
        Instant minute = Instant.ofEpochMilli(ctx.getCurrentKey());
        for (Map.Entry<String, MinuteFunnelState> e : categories.entries()) {
            MinuteFunnelState s = e.getValue();
            if (s.pending) {
                emit(minute, e.getKey(), s, out);
                s.pending = false;
                e.setValue(s);
            }
        }
        if (ctx.timeDomain() == TimeDomain.EVENT_TIME) {
            categories.clear(); // the watermark is past the minute: what was reported is final
        }
    }

    private static void emit(Instant minute, String category, MinuteFunnelState s, Collector<Row> out) {
        out.collect(Row.of(minute, category, s.views, s.carts, s.removeFromCarts, s.purchases, s.revenue,
                (long) s.viewed.size(), (long) s.carted.size(), (long) s.purchased.size()));
    }
}
