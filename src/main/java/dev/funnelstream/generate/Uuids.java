package dev.funnelstream.generate;

/** Formats random UUIDs by hand from the seeded generator, as java.util.UUID.randomUUID is not seeded. */
final class Uuids {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Uuids() {
    }

    /** A version-4 UUID string from two random longs, formatted by hand. */
    static String version4(long high, long low) {
        long hi = (high & ~0xF000L) | 0x4000L;
        long lo = (low & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        char[] c = new char[36];
        hex(c, 0, hi >>> 32, 8);
        c[8] = '-';
        hex(c, 9, hi >>> 16, 4);
        c[13] = '-';
        hex(c, 14, hi, 4);
        c[18] = '-';
        hex(c, 19, lo >>> 48, 4);
        c[23] = '-';
        hex(c, 24, lo, 12);
        return new String(c);
    }

    private static void hex(char[] c, int at, long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            c[at + i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
    }
}
