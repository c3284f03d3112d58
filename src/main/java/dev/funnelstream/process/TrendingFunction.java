package dev.funnelstream.process;

import dev.funnelstream.validate.RawEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.types.Row;
import org.apache.flink.util.Collector;

import java.time.Instant;

/**
 * Trending products, every 5 minutes of event time over the last hour, as {@link TrendingBook}
 * keeps them. All products share one key: ranking needs them side by side, and counting an event
 * is a map update, cheap next to parsing it. A slide is closed when the watermark passes its end,
 * so late events (which never get here) cannot change a slide already shown.
 */
final class TrendingFunction extends KeyedProcessFunction<Integer, RawEvent, Row> {
    /** Output fields, as trending_sink takes them. */
    static final String[] OUTPUT = {"window_end", "rank", "product_id", "views", "carts", "purchases", "revenue",
            "brand", "category_code", "previous_rank"};

    private transient ValueState<TrendingBook> state;

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("trending", TrendingBook.class));
    }

    @Override
    public void processElement(RawEvent event, Context ctx, Collector<Row> out) throws Exception {
        long time = ctx.timestamp();
        TrendingBook book = state.value();
        if (book == null) {
            book = new TrendingBook();
        }
        boolean newSlice = book.add(time, event.eventType().wireName(), event.productId(), event.price(),
                event.brand(), event.categoryCode());
        state.update(book);
        if (newSlice) {
            // Every slide whose hour holds this slice closes when the watermark passes its end.
            long firstEnd = TrendingBook.sliceStart(time) + TrendingBook.SLIDE_MILLIS;
            for (long end = firstEnd; end <= firstEnd + TrendingBook.HOUR_MILLIS - TrendingBook.SLIDE_MILLIS;
                 end += TrendingBook.SLIDE_MILLIS) {
                ctx.timerService().registerEventTimeTimer(end - 1);
            }
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
        TrendingBook book = state.value();
        if (book == null) {
            return;
        }
        for (TrendingBook.Ranked r : book.close(timestamp + 1)) {
            TrendingBook.Hour h = r.hour();
            out.collect(Row.of(Instant.ofEpochMilli(r.windowEnd()), r.rank(), h.productId, h.views, h.carts,
                    h.purchases, h.revenue, h.brand, h.categoryCode, r.previousRank()));
        }
        state.update(book); // kept even when empty: the next slide needs this one's ranks
    }
}
