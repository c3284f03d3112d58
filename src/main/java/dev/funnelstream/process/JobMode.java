package dev.funnelstream.process;

/** How a run uses the live-analytics job. */
public enum JobMode {
    /** Unbounded: follows the raw topic from the start of the run until it stops. */
    LIVE,
    /** Bounded: started once the replay is done, it reads the raw topic to its end and finishes. */
    DRAIN,
    /** No job: raw layer and batch reports only. */
    OFF
}
