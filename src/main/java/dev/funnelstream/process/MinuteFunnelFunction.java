package dev.funnelstream.process;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.Collector;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The funnel of one UTC minute and top-level category (or 'all'), updated with every on-time event
 * and emitted as a changelog (the row before, the row after), so results show while the minute
 * runs. Late events never get here, so once the watermark passes the minute's end nothing more
 * can come for it and its state is dropped: memory holds only the minutes the watermark is still
 * behind, at any replay speed. (Flink SQL's state TTL counts wall time, and expiring per-minute
 * distinct-session maps with it cost more than the aggregation itself.)
 */
final class MinuteFunnelFunction extends KeyedProcessFunction<String, Row, Row> {
    /** Input fields: minute start (epoch ms), category, event_type, price, user_session. */
    static final String[] INPUT = {"minute", "category", "event_type", "price", "user_session"};

    private transient ValueState<MinuteFunnelState> state;

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("minute-funnel", MinuteFunnelState.class));
    }

    @Override
    public void processElement(Row event, Context ctx, Collector<Row> out) throws Exception {
        long minute = (Long) event.getField(0);
        String category = (String) event.getField(1);
        MinuteFunnelState s = state.value();
        boolean first = s == null;
        if (first) {
            s = new MinuteFunnelState();
            ctx.timerService().registerEventTimeTimer(minute + 60_000);
        } else {
            out.collect(row(RowKind.UPDATE_BEFORE, minute, category, s));
        }
        s.add((String) event.getField(2), (BigDecimal) event.getField(3), (String) event.getField(4));
        out.collect(row(first ? RowKind.INSERT : RowKind.UPDATE_AFTER, minute, category, s));
        state.update(s);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) {
        state.clear(); // the watermark is past the minute: what was reported is final
    }

    private static Row row(RowKind kind, long minute, String category, MinuteFunnelState s) {
        return Row.ofKind(kind, Instant.ofEpochMilli(minute), category, s.views, s.carts, s.removeFromCarts,
                s.purchases, s.revenue, (long) s.viewed.size(), (long) s.carted.size(), (long) s.purchased.size());
    }
}
