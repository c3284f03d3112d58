package dev.funnelstream.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.funnelstream.cli.UserException;
import dev.funnelstream.read.IoErrors;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;

/**
 * The data dir: warehouse file, Kafka log, and the lock that lets one run at a time own them. A
 * running run records its control port in {@code run.json} so read-only commands can ask it.
 */
public final class DataDir implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDir(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Creates the dir if needed and takes its lock; a second run on it gets a clear error. */
    public static DataDir acquire(Path root) {
        warehouseFile(root); // refuses a path DuckDB cannot open before anything is created there
        try {
            Files.createDirectories(root);
        } catch (FileAlreadyExistsException e) {
            throw new UserException("cannot create data dir " + root + ": "
                    + (Files.isRegularFile(root) ? "it is a file, not a directory" : IoErrors.reason(e)));
        } catch (IOException e) {
            throw new UserException("cannot create data dir " + root + ": " + IoErrors.reason(e));
        }
        if (!Files.isWritable(root)) {
            throw new UserException("data dir " + root + " is not writable");
        }
        Path lockFile = root.resolve("run.lock");
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UserException("data dir " + root + " is not writable: " + IoErrors.reason(e));
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (IOException | OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            closeQuietly(channel);
            String pid = readRunInfo(root).map(info -> " (pid " + info.get("pid") + ")").orElse("");
            throw new UserException("another run is already using data dir " + root + pid);
        }
        return new DataDir(root, channel, lock);
    }

    public Path root() {
        return root;
    }

    public Path warehouseFile() {
        return warehouseFile(root);
    }

    /**
     * The warehouse file of a data dir. A path with {@code ;} is refused: DuckDB's JDBC URL reads
     * what follows a {@code ;} as its own settings, so such a dir would open with settings the
     * user never meant (or not at all).
     */
    public static Path warehouseFile(Path root) {
        if (root.toAbsolutePath().toString().indexOf(';') >= 0) {
            throw new UserException("data dir " + root.toAbsolutePath() + " has a ';' in its path, which DuckDB cannot"
                    + " open (it reads what follows as settings): choose a data dir without ';'");
        }
        return root.resolve("warehouse.duckdb");
    }

    public Path kafkaLogDir() {
        return root.resolve("kafka");
    }

    /** Tells read-only commands where to reach this run. */
    public void publishRun(String host, int port) {
        Map<String, Object> info = Map.of("pid", ProcessHandle.current().pid(), "host", host, "port", port);
        try {
            JSON.writeValue(root.resolve("run.json").toFile(), info);
        } catch (IOException e) {
            throw new UserException("cannot write " + root.resolve("run.json") + ": " + IoErrors.reason(e));
        }
    }

    /** The running run's {@code run.json}, when a run holds this data dir's lock. */
    public static Optional<Map<String, Object>> readRunInfo(Path root) {
        Path file = root.resolve("run.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> info = JSON.readValue(file.toFile(), Map.class);
            return Optional.of(info);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(root.resolve("run.json"));
            lock.release();
        } catch (IOException e) {
            // The lock dies with the process anyway.
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }
}
