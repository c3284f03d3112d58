package dev.funnelstream.stream;

import dev.funnelstream.read.InputFileException;
import dev.funnelstream.read.RowSource;

/** An input the replayer can open by name: a file, or the synthetic shop. */
public interface ReplayInput {
    /** A stable name, the key of its replay progress. */
    String name();

    RowSource open() throws InputFileException;

    /** The input's size in bytes when it is a file, for progress and ETA; -1 otherwise. */
    default long sizeBytes() {
        return -1;
    }

    /** How many rows it holds when known in advance (the synthetic shop); -1 otherwise. */
    default long expectedRows() {
        return -1;
    }
}
