package dev.funnelstream.read;

import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * Splits one record's bytes into trimmed fields (RFC 4180 quoting, empty as null).
 *
 * <p>Works on bytes: in UTF-8 a comma or quote byte is never part of a multi-byte character, so the
 * split is exact before any decoding. Follows the same quoting rules as {@link RecordScanner}.
 */
final class FieldSplitter {

    private String[] fields = new String[16];
    private byte[] unquoted = new byte[1024];
    private int count;

    /**
     * Splits {@code record[0, length)}; read the result with {@link #count()} and {@link #field(int)}.
     *
     * @param charset ISO-8859-1 when the record is known to be ASCII (the cheapest String copy), else
     *                UTF-8 for a record already checked to be valid
     */
    void split(byte[] record, int length, Charset charset) {
        count = 0;
        int i = 0;
        while (true) {
            int start = i;
            while (start < length && isSpace(record[start])) {
                start++;
            }
            if (start < length && record[start] == '"') {
                i = quoted(record, start + 1, length, charset);
            } else {
                int end = ByteScan.indexOf(record, start, length, ByteScan.COMMA);
                add(text(record, start, end, charset));
                i = end;
            }
            if (i >= length) {
                return;
            }
            i++;
        }
    }

    int count() {
        return count;
    }

    String field(int index) {
        return fields[index];
    }

    /** The fields in file order, as a new array the caller may keep. */
    String[] copy() {
        return Arrays.copyOf(fields, count);
    }

    /** Reads a quoted field starting after its opening quote; returns the index of the comma or end. */
    private int quoted(byte[] record, int from, int length, Charset charset) {
        if (unquoted.length < length) {
            unquoted = new byte[Math.max(length, unquoted.length * 2)];
        }
        byte[] out = unquoted;
        int n = 0;
        int j = from;
        while (j < length) {
            byte c = record[j];
            if (c == '"') {
                if (j + 1 < length && record[j + 1] == '"') {
                    out[n++] = '"';
                    j += 2;
                    continue;
                }
                j++;
                break;
            }
            out[n++] = c;
            j++;
        }
        // Lenient: text between the closing quote and the comma is kept as is rather than lost.
        while (j < length && record[j] != ',') {
            out[n++] = record[j++];
        }
        int start = 0;
        while (start < n && isSpace(out[start])) {
            start++;
        }
        add(text(out, start, n, charset));
        return j;
    }

    private static String text(byte[] bytes, int start, int end, Charset charset) {
        while (end > start && isSpace(bytes[end - 1])) {
            end--;
        }
        return end == start ? null : new String(bytes, start, end - start, charset);
    }

    private void add(String field) {
        if (count == fields.length) {
            fields = Arrays.copyOf(fields, count * 2);
        }
        fields[count++] = field;
    }

    private static boolean isSpace(byte c) {
        // Same as String.trim(): every ASCII control and space; bytes >= 0x80 are negative.
        return c >= 0 && c <= ' ';
    }
}
