package dev.funnelstream.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The original project's DAG, built in: each run takes the first month segment not yet done and
 * runs its tasks in order (replay, then transform), each retried with backoff and every attempt
 * recorded. Runs never overlap (the caller runs them one at a time); a restart resumes at the
 * first unfinished task of the first unfinished segment.
 */
public final class Pipeline {
    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

    private final RunLog runs;
    private final List<Segment> segments;
    private final List<PipelineTask> tasks;
    private final Retry retry;

    public Pipeline(RunLog runs, List<Segment> segments, List<PipelineTask> tasks, Retry retry) {
        this.runs = runs;
        this.segments = segments;
        this.tasks = tasks;
        this.retry = retry;
    }

    /** What one run did. */
    public record Outcome(Kind kind, String segment, String message) {
        /** The kinds of outcome; the CLI turns them into exit codes. */
        public enum Kind { NOTHING_TO_DO, SUCCEEDED, FAILED }
    }

    /**
     * Runs the next unfinished segment.
     *
     * @param only the names of the tasks to run (all of them for the whole DAG); a task runs only
     *             once the tasks before it have succeeded for that segment
     */
    public Outcome runOnce(Set<String> only) throws SQLException, InterruptedException {
        runs.markInterrupted();
        Set<String> done = runs.succeeded();
        for (Segment segment : segments) {
            for (PipelineTask task : tasks) {
                if (done.contains(RunLog.key(segment.name(), task.name()))) {
                    continue;
                }
                if (!only.contains(task.name())) {
                    return new Outcome(Outcome.Kind.NOTHING_TO_DO, segment.name(),
                            segment.name() + ": next is task '" + task.name() + "', which this call does not run");
                }
                return runSegment(segment, only, done);
            }
        }
        return new Outcome(Outcome.Kind.NOTHING_TO_DO, null, "every segment is done");
    }

    private Outcome runSegment(Segment segment, Set<String> only, Set<String> done)
            throws SQLException, InterruptedException {
        long runId = runs.nextRunId();
        List<String> ran = new ArrayList<>();
        for (PipelineTask task : tasks) {
            if (done.contains(RunLog.key(segment.name(), task.name()))) {
                continue;
            }
            if (!only.contains(task.name())) {
                // Only some tasks were asked for: the segment is not done, say what was and what is next.
                return new Outcome(Outcome.Kind.SUCCEEDED, segment.name(), segment.name() + ": "
                        + String.join(", ", ran) + " done; next is task '" + task.name() + "'");
            }
            String error = attempt(runId, segment, task);
            if (error != null) {
                return new Outcome(Outcome.Kind.FAILED, segment.name(),
                        segment.name() + ": task '" + task.name() + "' failed after " + retry.attempts()
                                + " attempts: " + error);
            }
            ran.add(task.name());
        }
        return new Outcome(Outcome.Kind.SUCCEEDED, segment.name(), segment.name() + ": done");
    }

    /** Runs a task with retries; returns null on success, else the last error. */
    private String attempt(long runId, Segment segment, PipelineTask task) throws SQLException, InterruptedException {
        String error = null;
        for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
            if (attempt > 1) {
                Thread.sleep(retry.before(attempt).toMillis());
            }
            runs.start(runId, segment.name(), task.name(), attempt);
            log.info("Run {}: {} of {} (attempt {})", runId, task.name(), segment.name(), attempt);
            try {
                long rows = task.run(segment);
                runs.finish(runId, task.name(), attempt, rows, "succeeded", null);
                log.info("Run {}: {} of {} succeeded, {} rows", runId, task.name(), segment.name(), rows);
                return null;
            } catch (InterruptedException e) {
                runs.finish(runId, task.name(), attempt, null, "failed", "interrupted");
                throw e;
            } catch (Exception e) {
                error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                runs.finish(runId, task.name(), attempt, null, "failed", error);
                log.warn("Run {}: {} of {} failed (attempt {} of {}): {}", runId, task.name(), segment.name(),
                        attempt, retry.attempts(), error);
            }
        }
        return error;
    }
}
