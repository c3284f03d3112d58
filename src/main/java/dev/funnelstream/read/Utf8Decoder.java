package dev.funnelstream.read;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

/** Strict UTF-8 decoding of a record, reusing one decoder and buffer (new String() would hide bad bytes). */
final class Utf8Decoder {

    private final CharsetDecoder decoder = UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private CharBuffer chars = CharBuffer.allocate(1024);

    /** The text of {@code bytes[0, n)}, or null when they are not valid UTF-8. */
    String decode(byte[] bytes, int n) {
        if (chars.capacity() < n) {
            // UTF-8 never gives more chars than bytes.
            chars = CharBuffer.allocate(Math.max(n, chars.capacity() * 2));
        }
        chars.clear();
        decoder.reset();
        if (decoder.decode(ByteBuffer.wrap(bytes, 0, n), chars, true).isError()
                || decoder.flush(chars).isError()) {
            return null;
        }
        return chars.flip().toString();
    }

    /** At most the first {@code maxChars} characters of {@code bytes[0, n)}, bad bytes replaced. */
    static String preview(byte[] bytes, int n, int maxChars) {
        // Up to 4 bytes per char: decode just enough bytes, then cut without splitting a surrogate pair.
        String start = new String(bytes, 0, Math.min(n, maxChars * 4), UTF_8);
        int end = Math.min(start.length(), maxChars);
        if (end > 0 && Character.isHighSurrogate(start.charAt(end - 1))) {
            end--;
        }
        return start.substring(0, end);
    }
}
