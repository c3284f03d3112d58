package dev.funnelstream.process;

import org.apache.flink.metrics.Counter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import dev.funnelstream.validate.RawEvent;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Splits events at the watermark: those behind it go to a side output, where they
 * are counted per minute instead of silently changing (or missing) minutes already reported.
 */
final class SplitLateEvents extends ProcessFunction<RawEvent, RawEvent> {
    private final OutputTag<RawEvent> late;
    private transient Counter lateEvents;

    SplitLateEvents(OutputTag<RawEvent> late) {
        this.late = late;
    }

    @Override
    public void open(OpenContext openContext) {
        lateEvents = getRuntimeContext().getMetricGroup().counter("lateEvents");
    }

    @Override
    public void processElement(RawEvent event, Context ctx, Collector<RawEvent> out) {
        if (ctx.timestamp() < ctx.timerService().currentWatermark()) {
            lateEvents.inc();
            ctx.output(late, event);
        } else {
            out.collect(event);
        }
    }
}
