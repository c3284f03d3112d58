package dev.funnelstream.read;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.EOFException;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Streams the rows of one REES46 CSV file, plain or gzip (told apart by magic bytes, not the name). */
public final class CsvFileSource implements RowSource {
    private volatile java.nio.channels.FileChannel channel;

    private static final Logger LOG = LoggerFactory.getLogger(CsvFileSource.class);

    static final int BUFFER_SIZE = 256 * 1024;
    static final int MAX_RECORD = 1024 * 1024;
    private static final int GZIP_BUFFER_SIZE = 64 * 1024;
    private static final int LONG_ROW_SHOWN = 1024;
    // How much of the start is looked at to tell a binary file from text.
    private static final int SNIFF = 1024;

    private final String source;
    private final InputStream in;
    private final boolean gzip;
    private final RecordScanner scanner;
    private final FieldSplitter splitter = new FieldSplitter();
    private final Utf8Decoder utf8 = new Utf8Decoder();
    private HeaderMapping header;
    private long rows;
    private InputFileException failure;
    private boolean closed;

    private CsvFileSource(String source, InputStream in, boolean gzip) {
        this.source = source;
        this.in = in;
        this.gzip = gzip;
        this.scanner = new RecordScanner(in, BUFFER_SIZE, MAX_RECORD);
    }

    /**
     * Opens a file and reads its header.
     *
     * @throws InputFileException with a one-line message when the file cannot be opened, is not a
     *                            CSV file or its header does not name the nine REES46 columns
     */
    public static CsvFileSource open(Path file) throws InputFileException {
        String source = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputFileException(source + ": is a directory, not a file");
        }
        if (!Files.exists(file)) {
            throw new InputFileException(source + ": file not found");
        }
        InputStream raw;
        try {
            // FileInputStream, not Files.newInputStream: reading into a heap array through the
            // channel costs an extra copy via a direct buffer, about a third of a plain file's read time.
            raw = new FileInputStream(file.toFile());
        } catch (IOException e) {
            throw new InputFileException(source + ": cannot open: " + IoErrors.reason(e), e);
        }
        InputStream in = raw;
        boolean gzip = false;
        try {
            PushbackInputStream probe = new PushbackInputStream(raw, 2);
            in = probe;
            byte[] magic = probe.readNBytes(2);
            probe.unread(magic);
            gzip = magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
            if (gzip) {
                in = new GZIPInputStream(probe, GZIP_BUFFER_SIZE);
            }
        } catch (IOException e) {
            closeQuietly(in);
            throw new InputFileException(source + ": cannot read "
                    + (gzip ? "gzip header" : "file") + ": " + IoErrors.reason(e), e);
        }
        CsvFileSource csv = new CsvFileSource(source, in, gzip);
        csv.channel = ((FileInputStream) raw).getChannel();
        try {
            csv.readHeader();
        } catch (InputFileException e) {
            closeQuietly(in);
            throw e;
        }
        LOG.debug("Reading {} ({})", source, gzip ? "gzip" : "plain");
        return csv;
    }

    @Override
    public String name() {
        return source;
    }

    /** The file position (compressed bytes for .gz); safe to call from another thread. */
    @Override
    public long bytesRead() {
        try {
            return channel == null ? -1 : channel.position();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public RawRow next() throws InputFileException {
        if (failure != null) {
            throw failure;
        }
        if (closed) {
            throw new IllegalStateException(source + " is closed");
        }
        while (nextRecord()) {
            if (scanner.tooLong() || !isBlank(scanner.bytes(), scanner.length())) {
                rows++;
                return toRow();
            }
        }
        return null;
    }

    @Override
    public void close() throws InputFileException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            in.close();
        } catch (IOException e) {
            throw new InputFileException(source + ": close failed: " + IoErrors.reason(e), e);
        }
    }

    private void readHeader() throws InputFileException {
        int available;
        try {
            available = scanner.peekStart(SNIFF);
        } catch (IOException e) {
            throw readFailure(e);
        }
        byte[] b = scanner.buffer();
        int p = scanner.position();
        if (available >= 3 && b[p] == (byte) 0xEF && b[p + 1] == (byte) 0xBB && b[p + 2] == (byte) 0xBF) {
            scanner.skip(3);
            p += 3;
            available -= 3;
        }
        if (hasControlBytes(b, p, Math.min(available, SNIFF))) {
            throw notCsv();
        }
        while (true) {
            if (!nextRecord()) {
                throw new InputFileException(source + ": no REES46 header (the file is empty)");
            }
            byte[] r = scanner.bytes();
            int n = scanner.length();
            if (scanner.tooLong()) {
                throw notCsv();
            }
            if (isBlank(r, n)) {
                continue;
            }
            boolean ascii = ByteScan.isAscii(r, n);
            if (!ascii && utf8.decode(r, n) == null) {
                throw notCsv();
            }
            splitter.split(r, n, ascii ? ISO_8859_1 : UTF_8);
            header = HeaderMapping.of(source, splitter.copy());
            return;
        }
    }

    private boolean nextRecord() throws InputFileException {
        try {
            return scanner.next();
        } catch (IOException e) {
            failure = readFailure(e);
            throw failure;
        }
    }

    private RawRow toRow() {
        byte[] r = scanner.bytes();
        int n = scanner.length();
        long line = scanner.line();
        if (scanner.tooLong()) {
            String preview = Utf8Decoder.preview(r, n, LONG_ROW_SHOWN) + "...";
            return new RawRow(source, rows, line, preview, null, "line_too_long");
        }
        boolean ascii = ByteScan.isAscii(r, n);
        String rawLine;
        if (ascii) {
            rawLine = new String(r, 0, n, ISO_8859_1);
        } else {
            rawLine = utf8.decode(r, n);
            if (rawLine == null) {
                return new RawRow(source, rows, line, new String(r, 0, n, UTF_8), null, "bad_encoding");
            }
        }
        splitter.split(r, n, ascii ? ISO_8859_1 : UTF_8);
        String[] fields = splitter.copy();
        if (fields.length == Columns.COUNT) {
            fields = header.toColumns(fields);
        }
        return new RawRow(source, rows, line, rawLine, fields, null);
    }

    private InputFileException notCsv() {
        return new InputFileException(source + ": not a CSV file (no REES46 header)");
    }

    private InputFileException readFailure(IOException e) {
        if (gzip && e instanceof EOFException) {
            return new InputFileException(source + ": truncated gzip stream after row " + rows, e);
        }
        return new InputFileException(
                source + ": read error after row " + rows + ": " + IoErrors.reason(e), e);
    }

    /** True when the first line holds bytes no text file has (NUL, most C0 controls). */
    private static boolean hasControlBytes(byte[] b, int from, int n) {
        for (int i = from; i < from + n; i++) {
            byte c = b[i];
            if (c == '\n') {
                return false;
            }
            if (c >= 0 && c < ' ' && c != '\t' && c != '\r' && c != '\f') {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlank(byte[] r, int n) {
        for (int i = 0; i < n; i++) {
            byte c = r[i];
            // Only real whitespace: a line of other control bytes is a (bad) row, not dropped silently.
            if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != 0x0B) {
                return false;
            }
        }
        return true;
    }

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // Already failing with a more useful message.
        }
    }
}
