package dev.funnelstream.cli;

/** What the process's exit code tells a script (and an Airflow task). */
public final class ExitCodes {
    public static final int OK = 0;
    /** The pipeline failed: Kafka unreachable, the warehouse refused a write... */
    public static final int FAILED = 1;
    /** A user mistake: unknown flag, missing file, port in use, busy data dir. */
    public static final int USAGE = 2;
    /** The run finished but some input could not be read to its end (see the messages). */
    public static final int INPUT_INCOMPLETE = 3;

    private ExitCodes() {
    }
}
