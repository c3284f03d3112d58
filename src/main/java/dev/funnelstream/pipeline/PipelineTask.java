package dev.funnelstream.pipeline;

/** One task of the pipeline's DAG, run on a segment. */
public interface PipelineTask {
    /** The task's name in the runs table: {@code replay} or {@code transform}. */
    String name();

    /** Runs the task to its end; returns the rows it handled. Throws to fail the attempt. */
    long run(Segment segment) throws Exception;
}
