package dev.funnelstream.generate;

import java.util.Arrays;

/**
 * Hands out product ids the way the real shop numbers them: each department owns blocks of 100,000
 * ids (e.g. smartphones around 1,004,000), so ids of similar products are close together.
 */
final class ProductIds {
    private static final int BLOCK = 100_000;
    private static final int FIRST_BLOCK = 10;
    private static final int LAST_BLOCK = 999;

    private final Rng rng;
    private final int[] freeBlocks;
    private int blocksUsed;
    private long[] nextId = new long[0];
    private long[] blockEnd = new long[0];

    ProductIds(Rng rng) {
        this.rng = rng;
        freeBlocks = new int[LAST_BLOCK - FIRST_BLOCK + 1];
        for (int i = 0; i < freeBlocks.length; i++) {
            freeBlocks[i] = FIRST_BLOCK + i;
        }
        for (int i = freeBlocks.length - 1; i > 0; i--) { // Fisher-Yates: blocks in seeded random order
            int j = rng.nextInt(i + 1);
            int t = freeBlocks[i];
            freeBlocks[i] = freeBlocks[j];
            freeBlocks[j] = t;
        }
    }

    /** A new, never used id for a product of department {@code department}. */
    long next(int department) {
        if (department >= nextId.length) {
            nextId = Arrays.copyOf(nextId, department + 1);
            blockEnd = Arrays.copyOf(blockEnd, department + 1);
        }
        long id = nextId[department] + 1 + rng.nextInt(3); // small holes, like discontinued products
        if (nextId[department] == 0 || id >= blockEnd[department]) {
            if (blocksUsed == freeBlocks.length) {
                throw new IllegalStateException("the catalog ran out of product id blocks");
            }
            long base = (long) freeBlocks[blocksUsed++] * BLOCK;
            blockEnd[department] = base + BLOCK;
            id = base + rng.nextInt(BLOCK / 5);
        }
        nextId[department] = id;
        return id;
    }
}
