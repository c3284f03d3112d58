package dev.funnelstream.process;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.types.Row;
import org.apache.flink.util.Collector;

import java.time.Instant;

/**
 * Sends each event to its minute's top-level category (first segment of category_code, 'unknown'
 * when there is none) and to its minute's 'all'.
 */
final class ByMinuteAndCategory implements FlatMapFunction<Row, Row> {
    static final String ALL = "all";

    @Override
    public void flatMap(Row event, Collector<Row> out) {
        long time = ((Instant) event.getField("event_time")).toEpochMilli();
        long minute = Math.floorDiv(time, 60_000L) * 60_000L;
        Object type = event.getField("event_type");
        Object price = event.getField("price");
        Object session = event.getField("user_session");
        out.collect(Row.of(minute, topLevel((String) event.getField("category_code")), type, price, session));
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
