package dev.funnelstream.process;

import org.apache.flink.metrics.Counter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.types.Row;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Splits events at the watermark: those behind it go to a side output, where they
 * are counted per minute instead of silently changing (or missing) minutes already reported.
 */
final class SplitLateEvents extends ProcessFunction<Row, Row> {
    private final OutputTag<Row> late;
    private transient Counter lateEvents;

    SplitLateEvents(OutputTag<Row> late) {
        this.late = late;
    }

    @Override
    public void open(OpenContext openContext) {
        lateEvents = getRuntimeContext().getMetricGroup().counter("lateEvents");
    }

    @Override
    public void processElement(Row event, Context ctx, Collector<Row> out) {
        if (ctx.timestamp() < ctx.timerService().currentWatermark()) {
            lateEvents.inc();
            ctx.output(late, event);
        } else {
            out.collect(event);
        }
    }
}
