package dev.funnelstream.stream;

/**
 * Replay pace: as fast as possible, a multiple of shop time (60 = an hour of events a minute), or a
 * steady number of events per second whatever their times (a load test: {@code 10000/s}).
 *
 * @param factor         shop seconds per wall second; {@code Double.POSITIVE_INFINITY} for max; 0 for a rate
 * @param eventsPerSecond the steady rate, or 0 when the pace follows shop time
 */
public record Speed(double factor, double eventsPerSecond) {
    public static final Speed MAX = new Speed(Double.POSITIVE_INFINITY);
    private static final String USAGE = "speed must be 'max', a number above 0 (times shop time) or"
            + " a number of events per second such as '10000/s'";

    public Speed {
        boolean times = factor > 0 && eventsPerSecond == 0;
        boolean rate = factor == 0 && eventsPerSecond > 0 && Double.isFinite(eventsPerSecond);
        if (!times && !rate) {
            throw new IllegalArgumentException(USAGE + ", got " + (factor == 0 ? eventsPerSecond + "/s" : factor));
        }
    }

    /** A multiple of shop time. */
    public Speed(double factor) {
        this(factor, 0);
    }

    /** A steady number of events per second. */
    public static Speed perSecond(double eventsPerSecond) {
        return new Speed(0, eventsPerSecond);
    }

    /** Parses {@code max}, a positive number such as {@code 60} or {@code 0.5}, or a rate such as {@code 10000/s}. */
    public static Speed parse(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("max")) {
            return MAX;
        }
        try {
            if (t.endsWith("/s")) {
                return perSecond(Double.parseDouble(t.substring(0, t.length() - 2).trim()));
            }
            return new Speed(Double.parseDouble(t));
        } catch (IllegalArgumentException e) { // not a number, or not above 0: name what was typed
            throw new IllegalArgumentException(USAGE + ", got '" + text + "'");
        }
    }

    public boolean isMax() {
        return Double.isInfinite(factor);
    }

    /** Whether the pace is a steady rate, not shop time. */
    public boolean isRate() {
        return eventsPerSecond > 0;
    }

    @Override
    public String toString() {
        if (isMax()) {
            return "max";
        }
        return isRate() ? number(eventsPerSecond) + "/s" : number(factor) + "x";
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
