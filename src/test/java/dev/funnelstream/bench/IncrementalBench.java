package dev.funnelstream.bench;

import dev.funnelstream.transform.TransformRun;
import dev.funnelstream.transform.Transforms;
import dev.funnelstream.warehouse.DuckDbWarehouse;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Times the incremental transform run after one new day (bench/transforms-incremental.sh), warm and
 * repeated: each round copies the warehouse TransformBench kept after its full run, reads every table
 * once (as a running pipeline's DuckDB would have them cached), lands the held-back day, checkpoints
 * it (as the loader's commits would), and times one {@link Transforms#run}. With SLICES above 1 it
 * lands the day in that many slices of event time instead, with a run after each: what a live
 * {@code run} does, whose transforms see a few seconds or minutes of events each time.
 *
 * <p>Usage: {@code IncrementalBench WORK_DIR ROUNDS [SLICES]}
 */
public final class IncrementalBench {
    static final String AFTER_FULL = "after-full.duckdb";

    private IncrementalBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        int slices = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Path source = work.resolve(AFTER_FULL);
        if (!Files.exists(source)) {
            System.err.println("No " + source + ": run bench/transforms.sh with the same size first.");
            System.exit(2);
        }
        Path file = work.resolve("incremental.duckdb");
        List<Double> seconds = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Files.deleteIfExists(Path.of(file + ".wal"));
            copyAndFlush(source, file);
            try (DuckDbWarehouse wh = DuckDbWarehouse.open(file); Connection c = wh.connect()) {
                readEveryTable(c);
                double total = 0;
                for (int slice = 0; slice < slices; slice++) {
                    landSlice(c, slice, slices);
                    flush(file);
                    long start = System.nanoTime();
                    TransformRun run = Transforms.run(c);
                    double s = (System.nanoTime() - start) / 1e9;
                    total += s;
                    if (slices > 1) {
                        System.out.printf("round %d, slice %d: run %.3f s, %d days rebuilt, %,d rows written%n",
                                round, slice + 1, s, run.daysRebuilt(), run.rowsWritten());
                    } else {
                        System.out.printf("round %d: incremental run %.3f s, %d days rebuilt, %,d rows written%n",
                                round, s, run.daysRebuilt(), run.rowsWritten());
                    }
                }
                seconds.add(total);
            }
        }
        List<Double> sorted = seconds.stream().sorted().toList();
        System.out.printf("one new day in %d slice(s), %d rounds, all its runs: median %.3f s, min %.3f s, max %.3f s%n",
                slices, rounds, sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1));
    }

    /** Lands one slice of the held-back day (by event time) and checkpoints it. */
    static void landSlice(Connection c, int slice, int slices) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("INSERT INTO raw.events SELECT * EXCLUDE (slice) REPLACE (now() AS loaded_at) FROM ("
                    + "SELECT *, ntile(" + slices + ") OVER (ORDER BY event_time, event_id) - 1 AS slice"
                    + " FROM held_back) WHERE slice = " + slice);
            st.execute("CHECKPOINT");
        }
    }

    /** Copies a file and forces it to disk, so that its write-back does not run during a timed run. */
    static void copyAndFlush(Path from, Path to) throws IOException {
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        flush(to);
    }

    private static void flush(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    private static void readEveryTable(Connection c) throws Exception {
        List<String> tables = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT table_schema || '.' || table_name FROM information_schema.tables"
                        + " WHERE table_type = 'BASE TABLE' AND table_catalog = current_database()")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        try (Statement st = c.createStatement()) {
            for (String table : tables) {
                // hash() of every column: DuckDB reads them all, and returns no rows.
                try (ResultSet rs = st.executeQuery("SELECT * FROM " + table + " WHERE hash(COLUMNS(*)) = 0")) {
                    while (rs.next()) {
                        // nothing: the read is the point
                    }
                }
            }
        }
    }
}
