package dev.funnelstream.generate;

/**
 * A seeded random generator (SplitMix64) whose sequence is fixed by its definition, so the same
 * seed gives the same rows on every JVM, unlike {@code SplittableRandom}, whose algorithm is not
 * part of its contract.
 */
final class Rng {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    Rng(long seed) {
        this.state = seed;
    }

    /** An independent stream for one purpose (catalog, sessions, ...) derived from a seed. */
    static Rng stream(long seed, long purpose) {
        return new Rng(mix(seed ^ mix(purpose + GOLDEN_GAMMA)));
    }

    /** The SplitMix64 finalizer: a good 64-bit hash of x. */
    static long mix(long x) {
        long z = x;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound); the bias of the multiply-shift is below 2^-32, far under what matters here. */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** Uniform in [0, bound) for bound > 0. */
    long nextLong(long bound) {
        return (nextLong() >>> 1) % bound;
    }

    boolean chance(double p) {
        return nextDouble() < p;
    }

    /** Standard normal (Box-Muller); StrictMath keeps the result identical across CPUs. */
    double nextGaussian() {
        double u1 = 1.0 - nextDouble();
        double u2 = nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    /** Number of failures before the first success, each try succeeding with p; capped at max. */
    int geometric(double p, int max) {
        int n = 0;
        while (n < max && nextDouble() >= p) {
            n++;
        }
        return n;
    }
}
