package dev.funnelstream.pipeline;

import java.nio.file.Path;
import java.time.YearMonth;

/** One month of input, the unit the scheduled pipeline replays per run. */
public record Segment(YearMonth month, Path file) {

    /** The segment's name in the runs table, e.g. {@code 2019-10}. */
    public String name() {
        return month.toString();
    }
}
