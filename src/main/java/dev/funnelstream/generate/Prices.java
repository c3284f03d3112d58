package dev.funnelstream.generate;

/** Formats prices with two decimals by hand, because String.format is far too slow per row. */
final class Prices {
    private Prices() {
    }

    /** "1234.05" for 123405 cents. */
    static String text(long cents) {
        long units = cents / 100;
        int rest = (int) (cents % 100);
        return units + (rest < 10 ? ".0" : ".") + rest;
    }
}
