package dev.funnelstream.generate;

/** Walker's alias method: draws index i with probability weight[i] / sum in constant time. */
final class AliasTable {
    private final double[] keep;
    private final int[] alias;

    AliasTable(double[] weights) {
        int n = weights.length;
        if (n == 0) {
            throw new IllegalArgumentException("an alias table needs at least one weight");
        }
        keep = new double[n];
        alias = new int[n];
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int smallCount = 0;
        int largeCount = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = weights[i] * n / sum;
            if (scaled[i] < 1.0) {
                small[smallCount++] = i;
            } else {
                large[largeCount++] = i;
            }
        }
        while (smallCount > 0 && largeCount > 0) {
            int s = small[--smallCount];
            int l = large[--largeCount];
            keep[s] = scaled[s];
            alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1.0;
            if (scaled[l] < 1.0) {
                small[smallCount++] = l;
            } else {
                large[largeCount++] = l;
            }
        }
        // Whatever is left is 1 up to rounding error.
        while (largeCount > 0) {
            int l = large[--largeCount];
            keep[l] = 1.0;
            alias[l] = l;
        }
        while (smallCount > 0) {
            int s = small[--smallCount];
            keep[s] = 1.0;
            alias[s] = s;
        }
    }

    int draw(Rng rng) {
        int i = rng.nextInt(keep.length);
        return rng.nextDouble() < keep[i] ? i : alias[i];
    }
}
