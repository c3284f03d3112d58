package dev.funnelstream.bench;

import dev.funnelstream.read.InputFiles;
import dev.funnelstream.transform.RawEvents;
import dev.funnelstream.transform.TransformRun;
import dev.funnelstream.transform.Transforms;
import dev.funnelstream.warehouse.DuckDbWarehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * Times the reporting transforms (bench/transforms.sh): loads generated REES46 files straight into
 * raw.events with DuckDB (no Kafka: this measures the transforms, not the ingest; kept in WORK_DIR
 * for the next time), holds the last day back, times a full run, then lands the last day and times the incremental run.
 *
 * <p>Usage: {@code TransformBench INPUT_DIR WORK_DIR}
 */
public final class TransformBench {
    private TransformBench() {
    }

    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[0]);
        Path work = Path.of(args[1]);
        Files.createDirectories(work);
        // Loading takes longer than the transforms: the loaded warehouse is kept and copied for each run.
        Path loaded = work.resolve("loaded-" + input.getFileName() + ".duckdb");
        if (!Files.exists(loaded)) {
            load(input, work.resolve("loading.duckdb"), loaded);
        }
        Path file = work.resolve("bench.duckdb");
        Files.deleteIfExists(work.resolve("bench.duckdb.wal"));
        Files.copy(loaded, file, StandardCopyOption.REPLACE_EXISTING);
        try (DuckDbWarehouse wh = DuckDbWarehouse.open(file); Connection c = wh.connect()) {
            System.out.printf("%,d events in raw.events, %s held back%n",
                    Long.parseLong(single(c, "SELECT count(*) FROM raw.events")),
                    single(c, "SELECT min(CAST(event_time AS DATE))::VARCHAR FROM held_back"));
            long t0 = System.nanoTime();
            TransformRun full = Transforms.run(c);
            double fullSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("full run: %.2f s, %d days rebuilt, %,d rows written%n", fullSeconds,
                    full.daysRebuilt(), full.rowsWritten());
            keepAfterFullRun(c, file, work.resolve(IncrementalBench.AFTER_FULL));

            // The landing's own write-ahead log goes to the file first (a checkpoint), as the loader's
            // commits would have done; otherwise the run's commit pays for checkpointing the whole day.
            IncrementalBench.landSlice(c, 0, 1);
            long t1 = System.nanoTime();
            TransformRun incremental = Transforms.run(c);
            double incSeconds = (System.nanoTime() - t1) / 1e9;
            System.out.printf("incremental run after one new day: %.2f s, %d days rebuilt, %,d rows written%n",
                    incSeconds, incremental.daysRebuilt(), incremental.rowsWritten());

            long t2 = System.nanoTime();
            TransformRun idle = Transforms.run(c);
            System.out.printf("run with nothing new: %.2f s, %d days rebuilt%n", (System.nanoTime() - t2) / 1e9,
                    idle.daysRebuilt());
        }
    }

    /** Keeps a copy of the warehouse as the full run left it, for IncrementalBench. */
    private static void keepAfterFullRun(Connection c, Path file, Path copy) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("CHECKPOINT");
        }
        IncrementalBench.copyAndFlush(file, copy);
    }

    /** Loads the files into raw.events with DuckDB's CSV reader, the last UTC day into held_back. */
    private static void load(Path input, Path loading, Path loaded) throws Exception {
        Files.deleteIfExists(loading);
        Files.deleteIfExists(Path.of(loading + ".wal"));
        long start = System.nanoTime();
        try (DuckDbWarehouse wh = DuckDbWarehouse.open(loading); Connection c = wh.connect()) {
            RawEvents.stageCsv(c, InputFiles.resolve(List.of(input)), "staged", "2024-01-01T00:00:00Z");
            String lastDay = single(c, "SELECT max(CAST(event_time AS DATE))::VARCHAR FROM staged");
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO raw.events SELECT * FROM staged WHERE CAST(event_time AS DATE) < DATE '"
                        + lastDay + "'");
                st.execute("CREATE TABLE held_back AS SELECT * FROM staged WHERE CAST(event_time AS DATE) = DATE '"
                        + lastDay + "'");
                st.execute("DROP TABLE staged");
                st.execute("CHECKPOINT");
            }
        }
        Files.move(loading, loaded);
        System.out.printf("loaded in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static String single(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
