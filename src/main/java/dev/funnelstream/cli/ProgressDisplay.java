package dev.funnelstream.cli;

import dev.funnelstream.app.Funnelstream;
import dev.funnelstream.stream.ReplayStats;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shows the replay's progress: a progress bar with rate and ETA on a terminal, a plain log line
 * every few seconds otherwise (CI logs, pipes).
 */
final class ProgressDisplay implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ProgressDisplay.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "progress");
        t.setDaemon(true);
        return t;
    });
    private final Funnelstream app;
    private final ProgressBar bar;
    private long lastRows;
    private long lastNanos = System.nanoTime();

    private ProgressDisplay(Funnelstream app, ProgressBar bar) {
        this.app = app;
        this.bar = bar;
    }

    static ProgressDisplay start(Funnelstream app) {
        ProgressBar bar = null;
        if (System.console() != null) {
            bar = new ProgressBarBuilder()
                    .setTaskName("replay")
                    .setInitialMax(app.replayStats().expectedRows.get())
                    .setUnit(" rows", 1)
                    .setStyle(ProgressBarStyle.ASCII)
                    .showSpeed()
                    .setUpdateIntervalMillis(500)
                    .continuousUpdate()
                    .build();
        }
        ProgressDisplay display = new ProgressDisplay(app, bar);
        long every = bar != null ? 500 : 5000;
        display.timer.scheduleAtFixedRate(display::tick, every, every, TimeUnit.MILLISECONDS);
        return display;
    }

    private void tick() {
        ReplayStats s = app.replayStats();
        long rows = s.replayed.get() + s.skipped.get();
        if (bar != null) {
            long expected = s.expectedRows.get();
            if (expected > 0 && bar.getMax() != expected) {
                bar.maxHint(expected);
            }
            bar.stepTo(rows);
            bar.setExtraMessage(" landed " + app.loader().stats().records.get());
            return;
        }
        long now = System.nanoTime();
        double rate = (rows - lastRows) / Math.max(1e-9, (now - lastNanos) / 1e9);
        lastRows = rows;
        lastNanos = now;
        Long lag = app.loader().stats().lag();
        log.info("replayed {} rows ({} events, {} quarantined), {}/s; landed {} records; kafka lag {}",
                s.replayed.get(), s.events.get(), s.quarantined.get(), Math.round(rate),
                app.loader().stats().records.get(), lag == null ? "-" : lag);
    }

    /** One last update, so the final figures are shown. */
    void finish() {
        tick();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        if (bar != null) {
            bar.close();
        }
    }
}
