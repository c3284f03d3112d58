package dev.funnelstream.stream;

import dev.funnelstream.read.InputFileException;
import dev.funnelstream.read.RowSource;

/** An input the replayer can open by name: a file, or the synthetic shop. */
public interface ReplayInput {
    /** A stable name, the key of its replay progress. */
    String name();

    RowSource open() throws InputFileException;
}
