package dev.funnelstream.stream;

/**
 * Replay pace: as fast as possible, or a multiple of shop time (60 = an hour of events a minute).
 *
 * @param factor shop seconds per wall second; {@code Double.POSITIVE_INFINITY} for max
 */
public record Speed(double factor) {
    public static final Speed MAX = new Speed(Double.POSITIVE_INFINITY);

    public Speed {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("speed must be 'max' or a number above 0, got " + factor);
        }
    }

    /** Parses {@code max} or a positive number such as {@code 60} or {@code 0.5}. */
    public static Speed parse(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("max")) {
            return MAX;
        }
        try {
            return new Speed(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("speed must be 'max' or a number above 0, got '" + text + "'");
        }
    }

    public boolean isMax() {
        return Double.isInfinite(factor);
    }

    @Override
    public String toString() {
        return isMax() ? "max" : (factor == Math.rint(factor) ? String.valueOf((long) factor) : String.valueOf(factor)) + "x";
    }
}
