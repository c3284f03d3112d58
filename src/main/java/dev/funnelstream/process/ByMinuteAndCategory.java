package dev.funnelstream.process;

import dev.funnelstream.validate.RawEvent;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.types.Row;
import org.apache.flink.util.Collector;

import java.math.BigDecimal;

/**
 * Sends each event to its minute's top-level category (first segment of category_code, 'unknown'
 * when there is none) and to its minute's 'all'.
 */
final class ByMinuteAndCategory implements FlatMapFunction<RawEvent, Row> {
    static final String ALL = "all";

    @Override
    public void flatMap(RawEvent event, Collector<Row> out) {
        long minute = Math.floorDiv(event.eventTime().toEpochMilli(), 60_000L) * 60_000L;
        String type = event.eventType().wireName();
        BigDecimal price = event.price();
        String session = event.userSession();
        out.collect(Row.of(minute, topLevel(event.categoryCode()), type, price, session));
        out.collect(Row.of(minute, ALL, type, price, session));
    }

    static String topLevel(String categoryCode) {
        if (categoryCode == null) {
            return "unknown";
        }
        int dot = categoryCode.indexOf('.');
        String top = dot < 0 ? categoryCode : categoryCode.substring(0, dot);
        return top.isEmpty() ? "unknown" : top;
    }
}
