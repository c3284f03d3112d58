package dev.funnelstream.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the synthetic shop as monthly gzip files named like the real ones ({@code 2019-Oct.csv.gz}),
 * each with the header; the same settings always give byte-identical files.
 */
public final class ShopFileWriter {
    private static final int BUFFER = 1 << 16;
    private static final byte[] HEADER = (SyntheticShop.HEADER + "\n").getBytes(StandardCharsets.US_ASCII);

    private final Path outputDir;

    public ShopFileWriter(Path outputDir) {
        this.outputDir = outputDir;
    }

    /** "2019-Oct.csv.gz": English three-letter month, whatever the default locale. */
    public static String fileName(YearMonth month) {
        return month.getYear() + "-" + month.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + ".csv.gz";
    }

    /** Writes one file per month of the range (a month without rows gets just the header). */
    public ShopFiles write(GeneratorSettings settings) throws IOException {
        Files.createDirectories(outputDir);
        SyntheticShop shop = new SyntheticShop(settings);
        boolean pending = shop.next();
        List<MonthFile> written = new ArrayList<>();
        for (YearMonth month : settings.months().months()) {
            long monthEnd = month.plusMonths(1).atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            Path target = outputDir.resolve(fileName(month));
            // Written aside and moved into place, so a reader never picks up half a file.
            Path partial = outputDir.resolve(fileName(month) + ".part");
            long rows = 0;
            try (OutputStream out = open(partial)) {
                out.write(HEADER);
                while (pending && shop.epochSecond() < monthEnd) {
                    shop.writeLine(out);
                    rows++;
                    pending = shop.next();
                }
            } catch (IOException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            written.add(new MonthFile(month, target, rows));
        }
        return new ShopFiles(written);
    }

    private static OutputStream open(Path path) throws IOException {
        // Java's gzip header has no timestamp or file name, so equal input gives equal bytes.
        // The outer buffer matters: GZIPOutputStream runs the deflater on every write it gets.
        return new BufferedOutputStream(new FastGzip(new BufferedOutputStream(Files.newOutputStream(path), BUFFER)), BUFFER);
    }

    /**
     * Gzip at the fastest level: the default level deflates only ~40 MB/s, a third of what the shop
     * generates, while the fastest level keeps up and makes files only ~25% larger.
     */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, BUFFER);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
