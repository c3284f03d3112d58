package dev.funnelstream.stream;

import java.time.Instant;

/**
 * The original project's sampling: replay only the first N rows of each day (UTC, by event time).
 * A row whose time cannot be read counts against the day of the row before it.
 */
public final class DaySampler {
    private static final long SECONDS_PER_DAY = 86_400;
    private final long perDay;
    private long currentDay = Long.MIN_VALUE;
    private long takenToday;

    /** @param perDay rows per day, or 0 for no sampling */
    public DaySampler(long perDay) {
        this.perDay = perDay;
    }

    /** True when this row is to be replayed. */
    public boolean take(Instant eventTime) {
        if (perDay <= 0) {
            return true;
        }
        if (eventTime != null) {
            long day = Math.floorDiv(eventTime.getEpochSecond(), SECONDS_PER_DAY);
            if (day != currentDay) {
                currentDay = day;
                takenToday = 0;
            }
        }
        if (takenToday < perDay) {
            takenToday++;
            return true;
        }
        return false;
    }
}
