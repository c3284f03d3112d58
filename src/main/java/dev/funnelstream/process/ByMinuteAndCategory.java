package dev.funnelstream.process;

import dev.funnelstream.validate.RawEvent;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.types.Row;

/**
 * What the minute funnel needs of an event: its UTC minute, its top-level category (first segment
 * of category_code, 'unknown' when there is none), type, price and session. One row per event:
 * the minute funnel counts it into its category and into the minute's 'all' itself.
 */
final class ByMinuteAndCategory implements MapFunction<RawEvent, Row> {
    static final String ALL = "all";

    @Override
    public Row map(RawEvent event) {
        long minute = Math.floorDiv(event.eventTime().toEpochMilli(), 60_000L) * 60_000L;
        return Row.of(minute, topLevel(event.categoryCode()), event.eventType().wireName(), event.price(),
                event.userSession());
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
