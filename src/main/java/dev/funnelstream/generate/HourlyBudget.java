package dev.funnelstream.generate;

/**
 * How many events start in each hour of the range: days share the total in proportion to their
 * number (give or take a few percent per day), hours follow a daily curve in UTC.
 */
final class HourlyBudget {

    /**
     * Relative traffic per UTC hour. The real shop's customers live around UTC+3: the night there
     * (21h-03h UTC) is nearly empty, the peak is late afternoon local time.
     */
    private static final double[] HOUR_WEIGHTS = {
            0.06, 0.04, 0.07, 0.18, 0.40, 0.70, 0.95, 1.10, 1.20, 1.25, 1.28, 1.30,
            1.32, 1.38, 1.48, 1.58, 1.62, 1.55, 1.35, 1.02, 0.62, 0.30, 0.15, 0.08};
    private static final double DAY_SPREAD = 0.12;

    private final long start;
    private final long[] cumulative;

    HourlyBudget(GeneratorSettings settings) {
        MonthRange range = settings.months();
        this.start = range.startEpochSecond();
        int hours = (int) ((range.endEpochSecond() - start) / 3600);
        double[] weights = new double[hours];
        double total = 0;
        for (int h = 0; h < hours; h++) {
            long day = Math.floorDiv(start + h * 3600L, 86_400L);
            // Each day's factor depends on the seed and the date only, so it needs no table.
            double dayFactor = 1 + DAY_SPREAD * (new Rng(Rng.mix(settings.seed() ^ Rng.mix(day))).nextDouble() - 0.5);
            weights[h] = dayFactor * HOUR_WEIGHTS[h % 24];
            total += weights[h];
        }
        // Rounding the running total, not each hour, makes the hours add up to exactly `events`.
        cumulative = new long[hours + 1];
        double running = 0;
        for (int h = 0; h < hours; h++) {
            running += weights[h];
            cumulative[h + 1] = Math.round(settings.events() * (running / total));
        }
        cumulative[hours] = settings.events();
    }

    int hours() {
        return cumulative.length - 1;
    }

    long hourStart(int hour) {
        return start + hour * 3600L;
    }

    long events(int hour) {
        return cumulative[hour + 1] - cumulative[hour];
    }
}
