package dev.funnelstream.read;

/** A stream of rows from one input (a file or the synthetic shop), read one at a time. */
public interface RowSource extends AutoCloseable {

    /** A stable name for this input, used to resume a replay and shown to users. */
    String name();

    /**
     * The next row, or null at the end of the input.
     *
     * @throws InputFileException when the input cannot be read any further (e.g. a truncated gzip
     *                            stream); the rows returned before it stand
     */
    RawRow next() throws InputFileException;

    /** Bytes of the underlying file read so far, for progress and ETA; -1 when not a file. */
    default long bytesRead() {
        return -1;
    }

    @Override
    void close() throws InputFileException;
}
