package dev.funnelstream.read;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into RFC 4180 records (quote-aware, LF or CRLF), one record's bytes at a time.
 *
 * <p>Works on a byte[] buffer filled from the stream so the hot loop makes no method calls per byte.
 * A record longer than the limit is scanned to its end but only its first {@code maxRecord} bytes are
 * kept, so a corrupt multi-gigabyte "line" cannot exhaust the heap.
 */
final class RecordScanner {

    // Quote states; a quote only opens a quoted field at the field's start, so a stray inch mark
    // inside an unquoted field (e.g. 5" screen) cannot swallow the rest of the file.
    private static final int OUTSIDE = 0;
    private static final int QUOTED = 1;
    // Saw a quote inside a quoted field: the next byte tells a doubled quote from the closing one.
    private static final int QUOTE_IN_QUOTED = 2;

    private final InputStream in;
    private final byte[] buf;
    private final int maxRecord;
    private int pos;
    private int limit;
    private boolean eof;

    private byte[] rec = new byte[8192];
    private int recLength;
    private long recTotalLength;
    private long recLine;
    private long nextLine = 1;
    // The record's last byte so far; a CR only belongs to the terminator once the LF follows.
    private byte lastByte;

    RecordScanner(InputStream in, int bufferSize, int maxRecord) {
        this.in = in;
        this.buf = new byte[bufferSize];
        this.maxRecord = maxRecord;
    }

    /**
     * Reads ahead so the caller can look at the input's first bytes (magic, BOM, binary check).
     *
     * @return the number of bytes available from {@link #position()}: at least {@code wanted}
     *         unless the input is shorter
     */
    int peekStart(int wanted) throws IOException {
        while (limit - pos < wanted && limit < buf.length && !eof) {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        }
        return limit - pos;
    }

    /** The buffer holding the bytes reported by {@link #peekStart(int)}, starting at {@link #position()}. */
    byte[] buffer() {
        return buf;
    }

    int position() {
        return pos;
    }

    /** Skips bytes at the very start of the input (a BOM); only valid right after {@link #peekStart(int)}. */
    void skip(int n) {
        pos += n;
    }

    /**
     * Reads the next record.
     *
     * @return false at the end of the input when no byte of a further record was read
     */
    boolean next() throws IOException {
        recLength = 0;
        recTotalLength = 0;
        recLine = nextLine;
        lastByte = 0;
        int state = OUTSIDE;
        // Whether the bytes before this buffer's part of the record leave us at a field's start.
        boolean fieldStartBefore = true;
        long newlines = 0;
        boolean any = false;
        while (true) {
            if (pos >= limit && !fill()) {
                // An unterminated last record is still a record (a truncated row shows as such).
                nextLine += newlines;
                stripCarriageReturn();
                return any;
            }
            any = true;
            final byte[] b = buf;
            final int start = pos;
            final int lim = limit;
            int p = start;
            boolean ended = false;
            while (p < lim) {
                if (state == OUTSIDE) {
                    // The hot loop: most bytes are neither a newline nor a quote.
                    p = ByteScan.indexOfEither(b, p, lim, ByteScan.NEWLINE, ByteScan.QUOTE);
                    if (p == lim) {
                        break;
                    }
                    if (b[p] == '\n') {
                        ended = true;
                        break;
                    }
                    if (atFieldStart(b, start, p, fieldStartBefore)) {
                        state = QUOTED;
                    }
                    p++;
                } else if (state == QUOTED) {
                    while (p < lim) {
                        byte c = b[p];
                        if (c == '"') {
                            break;
                        }
                        if (c == '\n') {
                            newlines++;
                        }
                        p++;
                    }
                    if (p == lim) {
                        break;
                    }
                    state = QUOTE_IN_QUOTED;
                    p++;
                } else if (b[p] == '"') {
                    // A doubled quote is a literal quote; the field stays quoted.
                    state = QUOTED;
                    p++;
                } else {
                    state = OUTSIDE;
                }
            }
            if (p > start) {
                lastByte = b[p - 1];
                append(b, start, p - start);
            }
            if (ended) {
                pos = p + 1;
                newlines++;
                nextLine += newlines;
                stripCarriageReturn();
                return true;
            }
            fieldStartBefore = state == OUTSIDE && atFieldStart(b, start, p, fieldStartBefore);
            pos = p;
        }
    }

    /**
     * Whether position {@code p} is at a field's start: only whitespace since the last comma. Looking
     * back only happens at a quote (rare), which keeps the hot loop to one search.
     */
    private static boolean atFieldStart(byte[] b, int from, int p, boolean fieldStartAtFrom) {
        for (int i = p - 1; i >= from; i--) {
            byte c = b[i];
            if (c < 0 || c > ' ') {
                return c == ',';
            }
        }
        return fieldStartAtFrom;
    }

    /** The kept bytes of the current record (at most the limit), without its terminator. */
    byte[] bytes() {
        return rec;
    }

    int length() {
        return recLength;
    }

    /** True when the record was longer than the limit and only its start was kept. */
    boolean tooLong() {
        return recTotalLength > maxRecord;
    }

    /** The 1-based physical line where the current record starts. */
    long line() {
        return recLine;
    }

    private void append(byte[] b, int from, int n) {
        recTotalLength += n;
        // Keep one byte beyond the limit: a trailing CR is only known to be part of the terminator
        // once the LF arrives.
        int room = maxRecord + 1 - recLength;
        int take = Math.min(n, room);
        if (take <= 0) {
            return;
        }
        if (recLength + take > rec.length) {
            int size = rec.length;
            while (size < recLength + take) {
                size *= 2;
            }
            byte[] bigger = new byte[Math.min(size, maxRecord + 1)];
            System.arraycopy(rec, 0, bigger, 0, recLength);
            rec = bigger;
        }
        System.arraycopy(b, from, rec, recLength, take);
        recLength += take;
    }

    private void stripCarriageReturn() {
        if (lastByte != '\r') {
            return;
        }
        if (recTotalLength == recLength) {
            recLength--;
        }
        recTotalLength--;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        pos = 0;
        limit = 0;
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit = n;
        return true;
    }
}
