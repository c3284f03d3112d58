package dev.funnelstream.generate;

/**
 * Decides, item by item, whether an item gets a property so that the weighted share of items that
 * have it stays as close as possible to a target (error diffusion).
 */
final class ShareKeeper {
    private final double target;
    private double total;
    private double taken;

    ShareKeeper(double target) {
        this.target = target;
    }

    /** Whether the next item, of weight {@code weight}, gets the property. */
    boolean take(double weight) {
        double newTotal = total + weight;
        boolean yes = Math.abs((taken + weight) / newTotal - target) < Math.abs(taken / newTotal - target);
        total = newTotal;
        if (yes) {
            taken += weight;
        }
        return yes;
    }
}
