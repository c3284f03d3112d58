package dev.funnelstream.stream;

import java.nio.charset.StandardCharsets;

/**
 * Reads a raw event's fields from JSON exactly as {@link RawEventJson#write} makes it: the nine
 * fields in the schema's order, no spaces, ASCII strings without escapes. Anything else, valid JSON
 * or not, is left to the general reader ({@code null}), which then decides; so this fast path never
 * accepts or refuses a record differently from Jackson.
 */
final class CanonicalEventJson {
    /** Which fields are numbers (the rest are strings or null). */
    private static final boolean[] NUMBER = {false, false, true, true, false, false, true, true, false};
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    /** Longer than any valid id (19 digits) or price (12 + 6 digits), well below Jackson's limit. */
    private static final int MAX_NUMBER_LENGTH = 100;

    private final byte[] json;
    private int at;

    private CanonicalEventJson(byte[] json) {
        this.json = json;
    }

    /** The nine fields' texts in the schema's order, or null when the record is not in the usual form. */
    static String[] fields(byte[] json) {
        return new CanonicalEventJson(json).read();
    }

    private String[] read() {
        String[] fields = new String[RawEventJson.FIELDS];
        for (int i = 0; i < RawEventJson.FIELDS; i++) {
            if (!skip(RawEventJson.FIELD_PREFIXES[i])) {
                return null;
            }
            if (NUMBER[i]) {
                int end = numberEnd();
                if (end < 0) {
                    return null;
                }
                fields[i] = ascii(at, end);
                at = end;
            } else if (!skip(NULL)) {
                int end = stringEnd();
                if (end < 0) {
                    return null;
                }
                fields[i] = ascii(at + 1, end);
                at = end + 1;
            }
        }
        // Jackson ignores what follows the object, so a record with more after it is left to Jackson.
        return at == json.length - 1 && json[at] == '}' ? fields : null;
    }

    private boolean skip(byte[] literal) {
        if (json.length - at < literal.length) {
            return false;
        }
        for (int i = 0; i < literal.length; i++) {
            if (json[at + i] != literal[i]) {
                return false;
            }
        }
        at += literal.length;
        return true;
    }

    /** The index of the closing quote of the string at the cursor; -1 for anything else, escapes and non-ASCII included. */
    private int stringEnd() {
        if (at >= json.length || json[at] != '"') {
            return -1;
        }
        for (int i = at + 1; i < json.length; i++) {
            byte b = json[i];
            if (b == '"') {
                return i;
            }
            if (b < 0x20 || b == '\\') { // a negative byte is non-ASCII UTF-8
                return -1;
            }
        }
        return -1;
    }

    /**
     * The end of a number written as {@code 0|[1-9][0-9]*} with an optional {@code .[0-9]+}; -1
     * otherwise, and for numbers longer than any valid id or price (Jackson refuses numbers over
     * 1000 characters, which a price with many trailing zeros would otherwise pass here).
     */
    private int numberEnd() {
        int i = digitsEnd(at);
        if (i < 0 || (json[at] == '0' && i > at + 1)) {
            return -1;
        }
        if (i < json.length && json[i] == '.') {
            i = digitsEnd(i + 1);
        }
        return i - at > MAX_NUMBER_LENGTH ? -1 : i;
    }

    private int digitsEnd(int from) {
        int i = from;
        while (i < json.length && json[i] >= '0' && json[i] <= '9') {
            i++;
        }
        return i == from ? -1 : i;
    }

    private String ascii(int from, int to) {
        return new String(json, from, to - from, StandardCharsets.ISO_8859_1); // ASCII only, checked
    }
}
