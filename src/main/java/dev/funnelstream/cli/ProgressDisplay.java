package dev.funnelstream.cli;

import dev.funnelstream.app.Funnelstream;
import dev.funnelstream.stream.ReplayStats;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shows the replay's progress: a progress bar with rate and ETA on a terminal (over the input
 * files' bytes, or the synthetic shop's rows), a plain log line every few seconds otherwise.
 */
final class ProgressDisplay implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ProgressDisplay.class);
    private static final long MB = 1024 * 1024;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "progress");
        t.setDaemon(true);
        return t;
    });
    private final Funnelstream app;
    private final boolean terminal;
    private ProgressBar bar;
    private boolean barCountsBytes;
    private long lastRows;
    private long lastNanos = System.nanoTime();

    private ProgressDisplay(Funnelstream app, boolean terminal) {
        this.app = app;
        this.terminal = terminal;
    }

    static ProgressDisplay start(Funnelstream app) {
        ProgressDisplay display = new ProgressDisplay(app, System.console() != null);
        long every = display.terminal ? 500 : 5000;
        display.timer.scheduleAtFixedRate(display::tick, every, every, TimeUnit.MILLISECONDS);
        return display;
    }

    private synchronized void tick() {
        ReplayStats s = app.replayStats();
        long rows = s.replayed.get() + s.skipped.get();
        if (terminal) {
            if (bar == null && !s.sized()) {
                return; // the replay has not yet said how much there is to do
            }
            if (bar == null) {
                bar = newBar(s);
            }
            bar.stepTo(barCountsBytes ? s.bytesRead() / MB : rows + s.resumedRows.get());
            bar.setExtraMessage(String.format(" %,d rows, %,d landed", rows, app.loader().stats().rows.get()));
            return;
        }
        long now = System.nanoTime();
        double rate = (rows - lastRows) / Math.max(1e-9, (now - lastNanos) / 1e9);
        lastRows = rows;
        lastNanos = now;
        Long lag = app.loader().stats().lag();
        log.info("replayed {} rows ({} valid, {} quarantined), {}/s; landed {} rows; kafka lag {}",
                s.replayed.get(), s.events.get(), s.quarantined.get(), Math.round(rate),
                app.loader().stats().rows.get(), lag == null ? "-" : lag);
    }

    private ProgressBar newBar(ReplayStats s) {
        long bytes = s.bytesTotal.get();
        barCountsBytes = bytes > 0;
        ProgressBarBuilder b = new ProgressBarBuilder()
                .setTaskName("replay")
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .showSpeed()
                .continuousUpdate();
        if (barCountsBytes) {
            b.setInitialMax(Math.max(1, bytes / MB)).setUnit(" MB", 1);
        } else {
            // Rows replayed by an earlier run count as done, but not towards the speed and ETA.
            b.setInitialMax(s.expectedRows.get()).setUnit(" rows", 1).startsFrom(s.resumedRows.get(), Duration.ZERO);
        }
        return b.build();
    }

    /** One last update, so the final figures are shown. */
    void finish() {
        tick();
    }

    @Override
    public synchronized void close() {
        timer.shutdownNow();
        if (bar != null) {
            bar.close();
        }
    }
}
