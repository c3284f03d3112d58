package dev.funnelstream.generate;

/**
 * Log-normal waiting times in whole seconds, drawn from a precomputed table: calling exp and log per
 * event would cost a large part of the time budget of a row.
 */
final class GapTable {
    private static final int SIZE = 4096;

    private final int[] seconds = new int[SIZE];

    /** Median and spread (sigma of the log) of the gap, clamped to [min, max] seconds. */
    GapTable(double medianSeconds, double sigma, int min, int max) {
        // A fixed generator: the table is a constant of the shop, not a function of the seed.
        Rng rng = new Rng(0x6A09E667F3BCC908L);
        for (int i = 0; i < SIZE; i++) {
            long value = Math.round(medianSeconds * StrictMath.exp(sigma * rng.nextGaussian()));
            seconds[i] = (int) Math.max(min, Math.min(max, value));
        }
    }

    int draw(Rng rng) {
        return seconds[rng.nextInt(SIZE)];
    }
}
