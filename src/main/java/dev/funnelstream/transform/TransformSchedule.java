package dev.funnelstream.transform;

import dev.funnelstream.warehouse.Warehouse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs the transforms every interval while a run lands events; a failed run is logged and retried next time. */
public final class TransformSchedule implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TransformSchedule.class);
    private final Warehouse warehouse;
    private final ScheduledExecutorService executor;

    private TransformSchedule(Warehouse warehouse) {
        this.warehouse = warehouse;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "transforms");
            t.setDaemon(true);
            // Behind the live path (nice 4 where the JVM maps priorities to the OS, see the launcher):
            // with DuckDB on one thread beside the live job, this thread does all of a run's work.
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
    }

    public static TransformSchedule start(Warehouse warehouse, Duration interval) {
        TransformSchedule schedule = new TransformSchedule(warehouse);
        long ms = interval.toMillis();
        schedule.executor.scheduleWithFixedDelay(schedule::runQuietly, ms, ms, TimeUnit.MILLISECONDS);
        return schedule;
    }

    /** Runs the transforms now, in the caller's thread. */
    public TransformRun runNow() throws SQLException {
        try (Connection c = warehouse.connect()) {
            return Transforms.run(c);
        }
    }

    private void runQuietly() {
        try {
            runNow();
        } catch (SQLException | RuntimeException e) {
            log.warn("Transforms failed, retrying in the next interval: {}", e.getMessage());
        }
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(30, TimeUnit.SECONDS);
    }
}
