package dev.funnelstream.generate;

import java.time.YearMonth;

/**
 * What the synthetic shop should produce.
 *
 * @param events total rows, exact repeats included
 * @param first  first month (inclusive)
 * @param last   last month (inclusive)
 * @param seed   the same seed always gives the same rows
 */
public record GeneratorSettings(long events, YearMonth first, YearMonth last, long seed) {

    public GeneratorSettings {
        if (events < 0) {
            throw new IllegalArgumentException("events must be 0 or more, got " + events);
        }
        new MonthRange(first, last); // validates the months with the same messages as parsing
    }

    /** Settings with the months given as text, e.g. "2019-10..2020-04". */
    public static GeneratorSettings of(long events, String months, long seed) {
        MonthRange range = parseMonths(months);
        return new GeneratorSettings(events, range.first(), range.last(), seed);
    }

    /**
     * Parses "2019-10" or "2019-10..2020-04".
     *
     * @throws IllegalArgumentException with a one-line message on bad input
     */
    public static MonthRange parseMonths(String text) {
        return MonthRange.parse(text);
    }

    public MonthRange months() {
        return new MonthRange(first, last);
    }
}
