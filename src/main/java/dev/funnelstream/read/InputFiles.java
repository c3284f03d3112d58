package dev.funnelstream.read;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Turns the user's file and directory arguments into the ordered list of files to read. */
public final class InputFiles {
    private static final Logger log = LoggerFactory.getLogger(InputFiles.class);

    private static final List<String> MONTHS = List.of(
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    // REES46 dumps are named by month (2019-Oct.csv.gz); replaying them in name order would put
    // April before October, so dated files sort by date, the rest by name after them.
    private static final Comparator<Path> DIRECTORY_ORDER = Comparator
            .comparingInt((Path p) -> monthKey(p) < 0 ? 1 : 0)
            .thenComparingInt(InputFiles::monthKey)
            .thenComparing(p -> p.getFileName().toString());

    private InputFiles() {
    }

    /**
     * Expands directories to their {@code *.csv} and {@code *.csv.gz} files (not recursively, in
     * month order); listed files keep the given order; a file reached twice is read once.
     *
     * @throws InputFileException when an input does not exist or a directory holds no such files
     */
    public static List<Path> resolve(List<Path> inputs) throws InputFileException {
        Map<Path, Path> byRealPath = new LinkedHashMap<>();
        for (Path input : inputs) {
            if (!Files.exists(input)) {
                throw new InputFileException("input not found: " + input);
            }
            List<Path> files = Files.isDirectory(input) ? listDirectory(input) : List.of(input);
            for (Path file : files) {
                byRealPath.putIfAbsent(realPath(file), file);
            }
        }
        return List.copyOf(byRealPath.values());
    }

    private static List<Path> listDirectory(Path dir) throws InputFileException {
        List<Path> files = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.sorted().forEach(p -> {
                if (isCsvName(p) && Files.isRegularFile(p)) {
                    files.add(p);
                } else {
                    leftOut.add(p.getFileName() + (Files.isDirectory(p) ? "/" : ""));
                }
            });
        } catch (IOException e) {
            throw new InputFileException("cannot list " + dir + ": " + IoErrors.reason(e), e);
        }
        if (files.isEmpty()) {
            throw new InputFileException("no .csv or .csv.gz files in " + dir);
        }
        if (!leftOut.isEmpty()) {
            // Not read (sub-directories are not walked): said, so a file put there by mistake is noticed.
            log.info("{}: {} left out, not .csv or .csv.gz files: {}{}", dir, leftOut.size(),
                    String.join(", ", leftOut.subList(0, Math.min(5, leftOut.size()))), leftOut.size() > 5 ? ", ..." : "");
        }
        files.sort(DIRECTORY_ORDER);
        return files;
    }

    private static boolean isCsvName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".csv.gz");
    }

    /** The month a file is named for ({@code 2019-Oct.csv.gz} is 2019-10), if it follows the convention. */
    public static Optional<YearMonth> month(Path file) {
        int key = monthKey(file);
        return key < 0 ? Optional.empty() : Optional.of(YearMonth.of(key / 12, key % 12 + 1));
    }

    /** year * 12 + month for names starting with YYYY-Mon, else -1. */
    static int monthKey(Path file) {
        String name = file.getFileName().toString();
        if (name.length() < 8 || name.charAt(4) != '-') {
            return -1;
        }
        for (int i = 0; i < 4; i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        int month = MONTHS.indexOf(name.substring(5, 8).toLowerCase(Locale.ROOT));
        if (month < 0) {
            return -1;
        }
        return Integer.parseInt(name.substring(0, 4)) * 12 + month;
    }

    private static Path realPath(Path file) throws InputFileException {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            throw new InputFileException("cannot resolve " + file + ": " + IoErrors.reason(e), e);
        }
    }
}
