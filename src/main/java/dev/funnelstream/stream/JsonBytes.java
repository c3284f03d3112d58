package dev.funnelstream.stream;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growing UTF-8 byte buffer that writes the few JSON pieces an event needs: literal text, whole
 * numbers and escaped strings. The replay writes every event with it, so it skips what a general
 * JSON generator does per call (buffers, contexts, state checks).
 */
final class JsonBytes {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private byte[] bytes;
    private int length;

    JsonBytes(int capacity) {
        bytes = new byte[capacity];
    }

    /** Appends ASCII bytes as they are: field names and punctuation, encoded once. */
    JsonBytes ascii(byte[] text) {
        ensure(text.length);
        System.arraycopy(text, 0, bytes, length, text.length);
        length += text.length;
        return this;
    }

    /** Appends ASCII text as it is: times and number text. */
    JsonBytes ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            bytes[length++] = (byte) s.charAt(i);
        }
        return this;
    }

    /** Appends a whole number's digits, without making a String of them first. */
    JsonBytes number(long value) {
        if (value < 0) {
            return ascii(Long.toString(value)); // ids are never negative; kept correct anyway
        }
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        ensure(digits);
        for (int i = length + digits - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += digits;
        return this;
    }

    /** Appends a JSON string (quoted and escaped), or {@code null}. */
    JsonBytes string(String s) {
        if (s == null) {
            return ascii("null");
        }
        ensure(s.length() + 2);
        bytes[length++] = '"';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                // Rare in shop data: the rest of the string goes through the JDK's UTF-8 encoder.
                appendEncoded(s.substring(i));
                break;
            }
            appendAscii(c, s.length() - i);
        }
        ensure(1);
        bytes[length++] = '"';
        return this;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    private void appendEncoded(String rest) {
        StringBuilder escaped = new StringBuilder(rest.length() + 8);
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                escaped.append(escape(c));
            } else {
                escaped.append(c);
            }
        }
        byte[] utf8 = escaped.toString().getBytes(StandardCharsets.UTF_8);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        length += utf8.length;
    }

    /** Appends one ASCII character, escaped if need be, keeping room for the {@code left} still to come. */
    private void appendAscii(char c, int left) {
        if (c >= 0x20 && c != '"' && c != '\\') {
            bytes[length++] = (byte) c;
        } else {
            String e = escape(c);
            ensure(e.length() + left);
            for (int i = 0; i < e.length(); i++) {
                bytes[length++] = (byte) e.charAt(i);
            }
        }
    }

    /** JSON's escape for a quote, a backslash or a control character. */
    private static String escape(char c) {
        return switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            default -> "\\u00" + (char) HEX[c >> 4] + (char) HEX[c & 0xf];
        };
    }

    private void ensure(int more) {
        // An escape can take 6 bytes for one character: leave room for the longest.
        if (length + more + 6 > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more + 64));
        }
    }
}
