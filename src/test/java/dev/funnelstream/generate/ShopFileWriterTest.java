package dev.funnelstream.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShopFileWriterTest {
    private static final GeneratorSettings SETTINGS = GeneratorSettings.of(30_000, "2019-12..2020-02", 11);

    @TempDir
    Path dir;

    @Test
    void namesFilesLikeTheRealDataset() {
        assertThat(ShopFileWriter.fileName(YearMonth.of(2019, 10))).isEqualTo("2019-Oct.csv.gz");
        assertThat(ShopFileWriter.fileName(YearMonth.of(2020, 4))).isEqualTo("2020-Apr.csv.gz");
    }

    @Test
    void writesOneFilePerMonthWithItsOwnRows() throws IOException {
        ShopFiles files = new ShopFileWriter(dir).write(SETTINGS);

        assertThat(files.files()).extracting(f -> f.path().getFileName().toString())
                .containsExactly("2019-Dec.csv.gz", "2020-Jan.csv.gz", "2020-Feb.csv.gz");
        assertThat(files.rows()).isEqualTo(30_000);
        try (var listing = Files.list(dir)) {
            assertThat(listing).hasSize(3); // no leftover partial files
        }
        for (MonthFile file : files.files()) {
            List<String> lines = List.of(gunzip(file.path()).split("\n", -1));
            assertThat(lines.get(0)).isEqualTo(SyntheticShop.HEADER);
            assertThat(lines.get(lines.size() - 1)).isEmpty(); // ends with a line feed
            List<String> rows = lines.subList(1, lines.size() - 1);
            assertThat(rows).hasSize((int) file.rows()).allMatch(r -> r.startsWith(file.month().toString()));
            assertThat(file.rows()).isGreaterThan(8_000);
        }
    }

    @Test
    void theSameSeedGivesTheSameBytes(@TempDir Path again) throws IOException {
        ShopFiles first = new ShopFileWriter(dir).write(SETTINGS);
        ShopFiles second = new ShopFileWriter(again).write(SETTINGS);

        for (int i = 0; i < first.files().size(); i++) {
            assertThat(Files.readAllBytes(second.files().get(i).path()))
                    .isEqualTo(Files.readAllBytes(first.files().get(i).path()));
        }
    }

    @Test
    void anotherSeedGivesOtherBytes(@TempDir Path other) throws IOException {
        ShopFiles first = new ShopFileWriter(dir).write(SETTINGS);
        ShopFiles second = new ShopFileWriter(other).write(
                new GeneratorSettings(SETTINGS.events(), SETTINGS.first(), SETTINGS.last(), 12));

        assertThat(Files.readAllBytes(second.files().get(0).path()))
                .isNotEqualTo(Files.readAllBytes(first.files().get(0).path()));
    }

    @Test
    void monthsWithoutRowsStillGetAFileWithTheHeader() throws IOException {
        ShopFiles files = new ShopFileWriter(dir.resolve("new")).write(GeneratorSettings.of(1, "2019-10..2019-12", 1));

        assertThat(files.files()).hasSize(3);
        assertThat(files.rows()).isEqualTo(1);
        for (MonthFile file : files.files()) {
            assertThat(gunzip(file.path())).startsWith(SyntheticShop.HEADER + "\n");
        }
    }

    private static String gunzip(Path path) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(path))) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
