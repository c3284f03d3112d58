package dev.funnelstream.read;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RecordScannerTest {

    private static final int MAX = 1 << 20;

    @Test
    void quotedNewlineDoesNotEndTheRecord() throws IOException {
        assertRecordsAtAnyBufferSize("a,\"b\nc\",d\ne\n", "a,\"b\nc\",d", "e");
    }

    @Test
    void strayQuoteInsideAnUnquotedFieldIsLiteral() throws IOException {
        assertRecordsAtAnyBufferSize("x,5\" screen,y\nz\n", "x,5\" screen,y", "z");
    }

    @Test
    void doubledQuoteStaysInsideTheQuotedField() throws IOException {
        assertRecordsAtAnyBufferSize("\"a\"\"\nb\",c\r\nd", "\"a\"\"\nb\",c", "d");
    }

    @Test
    void quoteAfterLeadingSpaceOpensAField() throws IOException {
        assertRecordsAtAnyBufferSize(" \"q,\n\" ,r\ns\n", " \"q,\n\" ,r", "s");
    }

    @Test
    void quoteAfterAClosedQuotedFieldIsLiteral() throws IOException {
        assertRecordsAtAnyBufferSize("\"abc\" \"x\ny\"\n", "\"abc\" \"x", "y\"");
    }

    @Test
    void crlfAndEmptyRecordsAndUnterminatedEnd() throws IOException {
        assertRecordsAtAnyBufferSize("a\r\n\r\nb\r", "a", "", "b");
        assertRecordsAtAnyBufferSize("");
    }

    @Test
    void linesCountNewlinesInsideQuotes() throws IOException {
        RecordScanner scanner = scanner("h\n\"1\n2\n3\",x\n\nlast\n", 3, 2, MAX);
        List<Long> lines = new ArrayList<>();
        while (scanner.next()) {
            lines.add(scanner.line());
        }
        assertThat(lines).containsExactly(1L, 2L, 5L, 6L);
    }

    @Test
    void recordOverTheLimitIsScannedToItsEndButNotKept() throws IOException {
        RecordScanner scanner = scanner("0123456789AB\r\nexactly10!\r\n", 4, 3, 10);

        assertThat(scanner.next()).isTrue();
        assertThat(scanner.tooLong()).isTrue();
        assertThat(scanner.length()).isLessThanOrEqualTo(11);
        assertThat(scanner.next()).isTrue();
        assertThat(scanner.tooLong()).isFalse();
        assertThat(new String(scanner.bytes(), 0, scanner.length(), ISO_8859_1)).isEqualTo("exactly10!");
        assertThat(scanner.next()).isFalse();
    }

    private static void assertRecordsAtAnyBufferSize(String input, String... expected) throws IOException {
        for (int bufferSize = 1; bufferSize <= 24; bufferSize++) {
            for (int chunk : new int[] {1, 3, 1000}) {
                assertThat(records(scanner(input, bufferSize, chunk, MAX)))
                        .as("buffer %d, chunk %d", bufferSize, chunk)
                        .containsExactly(expected);
            }
        }
    }

    private static List<String> records(RecordScanner scanner) throws IOException {
        List<String> records = new ArrayList<>();
        while (scanner.next()) {
            records.add(new String(scanner.bytes(), 0, scanner.length(), ISO_8859_1));
        }
        return records;
    }

    /** A scanner over a stream that hands out at most {@code chunk} bytes per read, as gzip does. */
    private static RecordScanner scanner(String input, int bufferSize, int chunk, int max) {
        InputStream in = new ByteArrayInputStream(input.getBytes(ISO_8859_1)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
        return new RecordScanner(in, bufferSize, max);
    }
}
