package dev.funnelstream.read;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds bytes in a byte[] eight at a time (SWAR: SIMD within a register).
 *
 * <p>The reader's hot loops look for a newline or quote per record and a comma per field; testing a
 * long word at a time instead of each byte makes them several times faster on 130-byte rows.
 */
final class ByteScan {

    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    static final long NEWLINE = pattern('\n');
    static final long QUOTE = pattern('"');
    static final long COMMA = pattern(',');

    private ByteScan() {
    }

    /** Index of the first byte in {@code [from, to)} equal to either pattern's byte, or {@code to}. */
    static int indexOfEither(byte[] b, int from, int to, long first, long second) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONGS.get(b, i);
            long found = zeroBytes(word ^ first) | zeroBytes(word ^ second);
            if (found != 0) {
                // Little endian: the lowest flagged bit is the first match (false hits lie above it).
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        byte x = (byte) first;
        byte y = (byte) second;
        for (; i < to; i++) {
            if (b[i] == x || b[i] == y) {
                return i;
            }
        }
        return to;
    }

    /** Index of the first byte in {@code [from, to)} equal to the pattern's byte, or {@code to}. */
    static int indexOf(byte[] b, int from, int to, long pattern) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long found = zeroBytes((long) LONGS.get(b, i) ^ pattern);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        byte x = (byte) pattern;
        for (; i < to; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return to;
    }

    /** True when every byte in {@code [0, n)} is below 0x80. */
    static boolean isAscii(byte[] b, int n) {
        long all = 0;
        int i = 0;
        for (; i + Long.BYTES <= n; i += Long.BYTES) {
            all |= (long) LONGS.get(b, i);
        }
        for (; i < n; i++) {
            all |= b[i];
        }
        return (all & HIGHS) == 0;
    }

    /** Flags (high bit) each zero byte; exact for the lowest zero byte, may also flag bytes above it. */
    private static long zeroBytes(long word) {
        return (word - ONES) & ~word & HIGHS;
    }

    private static long pattern(char c) {
        return ONES * c;
    }
}
