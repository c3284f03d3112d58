package dev.funnelstream.read;

import dev.funnelstream.validate.EventValidator;
import dev.funnelstream.validate.QuarantineReason;
import dev.funnelstream.validate.Validation;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFileSourceTest {

    private static final String HEADER =
            "event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session";
    private static final String ROW =
            "2019-10-01 00:00:00 UTC,view,44600062,2103807459595387724,,shiseido,35.79,541312140,"
                    + "72d76fde-8bb3-4e00-8c23-a032dfed738c";

    @TempDir
    Path dir;

    @Test
    void realSampleGivesAllRowsWithNineFields() throws Exception {
        Path sample = Path.of(System.getProperty("user.dir"), "..", "shared", "data", "rees46-2019-Oct-head.csv");

        List<RawRow> rows = readAll(sample);

        assertThat(rows).hasSize(5019);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.readProblem()).isNull();
            assertThat(row.fields()).hasSize(Columns.COUNT);
            assertThat(row.line()).isEqualTo(row.row() + 1);
        });
        RawRow first = rows.get(0);
        assertThat(first.source()).isEqualTo(sample.toString());
        assertThat(first.row()).isEqualTo(1);
        assertThat(first.rawLine()).isEqualTo(ROW);
        assertThat(first.fields()).containsExactly("2019-10-01 00:00:00 UTC", "view", "44600062",
                "2103807459595387724", null, "shiseido", "35.79", "541312140",
                "72d76fde-8bb3-4e00-8c23-a032dfed738c");
        assertThat(rows.get(5018).row()).isEqualTo(5019);
    }

    @Test
    void headerInAnyOrderAndCaseMapsFieldsToColumns() throws Exception {
        Path file = write("x.csv", " USER_SESSION ,price,brand,category_code,category_id,product_id,"
                + "event_type,Event_Time,user_id\n"
                + "s1,1.50,acme,a.b,7,42,cart,2019-10-01 00:00:00 UTC,9\n");

        RawRow row = readAll(file).get(0);

        assertThat(row.fields()[Columns.EVENT_TIME]).isEqualTo("2019-10-01 00:00:00 UTC");
        assertThat(row.fields()[Columns.EVENT_TYPE]).isEqualTo("cart");
        assertThat(row.fields()[Columns.PRODUCT_ID]).isEqualTo("42");
        assertThat(row.fields()[Columns.CATEGORY_ID]).isEqualTo("7");
        assertThat(row.fields()[Columns.CATEGORY_CODE]).isEqualTo("a.b");
        assertThat(row.fields()[Columns.BRAND]).isEqualTo("acme");
        assertThat(row.fields()[Columns.PRICE]).isEqualTo("1.50");
        assertThat(row.fields()[Columns.USER_ID]).isEqualTo("9");
        assertThat(row.fields()[Columns.USER_SESSION]).isEqualTo("s1");
    }

    @Test
    void quotedFieldsKeepCommasAndDoubledQuotes() throws Exception {
        String line = "t,view,1,2,\"a,b\",\"say \"\"hi\"\"\",3,4,s";
        Path file = write("x.csv", HEADER + "\n" + line + "\n");

        RawRow row = readAll(file).get(0);

        assertThat(row.fields()).hasSize(9);
        assertThat(row.fields()[Columns.CATEGORY_CODE]).isEqualTo("a,b");
        assertThat(row.fields()[Columns.BRAND]).isEqualTo("say \"hi\"");
        assertThat(row.rawLine()).isEqualTo(line);
    }

    @Test
    void strayQuoteInsideAFieldDoesNotSwallowTheNextRows() throws Exception {
        Path file = write("x.csv", HEADER + "\nt,view,1,2,c,5\" tv,3,4,s\n" + ROW + "\n");

        List<RawRow> rows = readAll(file);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).fields()[Columns.BRAND]).isEqualTo("5\" tv");
    }

    @Test
    void quotedNewlineStaysInsideOneRow() throws Exception {
        Path file = write("x.csv", HEADER + "\n"
                + "t,view,1,2,c,\"two\nlines\",3,4,s\n"
                + ROW + "\n");

        List<RawRow> rows = readAll(file);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).fields()[Columns.BRAND]).isEqualTo("two\nlines");
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(rows.get(1).row()).isEqualTo(2);
        assertThat(rows.get(1).line()).isEqualTo(4);
    }

    @Test
    void aQuoteNeverClosedTakesTheNextLinesAndItsQuarantineReasonSaysSo() throws Exception {
        Path file = write("x.csv", HEADER + "\n"
                + "t,view,1,2,c,\"apple,3,4,s\n"
                + ROW + "\n"
                + ROW + "\n");

        List<RawRow> rows = readAll(file);

        assertThat(rows).as("the stray quote runs to the end of the file").hasSize(1);
        Validation v = EventValidator.validate(rows.get(0));
        assertThat(v).isInstanceOf(Validation.Rejected.class);
        Validation.Rejected r = (Validation.Rejected) v;
        assertThat(r.reason()).isEqualTo(QuarantineReason.FIELD_COUNT);
        assertThat(r.detail()).endsWith("; the row runs over 3 lines from line 2: is a quote not closed?");
    }

    @Test
    void crlfTerminatorsAreNotPartOfTheRow() throws Exception {
        Path file = write("x.csv", HEADER + "\r\n" + ROW + "\r\n" + ROW + "\r\n");

        List<RawRow> rows = readAll(file);

        assertThat(rows).hasSize(2);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.rawLine()).isEqualTo(ROW);
            assertThat(row.fields()[Columns.USER_SESSION]).isEqualTo("72d76fde-8bb3-4e00-8c23-a032dfed738c");
        });
        assertThat(rows.get(1).line()).isEqualTo(3);
    }

    @Test
    void blankLinesAreSkippedAndNotCounted() throws Exception {
        Path file = write("x.csv", "\n  \n" + HEADER + "\n\n" + ROW + "\n \t \r\n" + ROW + "\n\n");

        List<RawRow> rows = readAll(file);

        assertThat(rows).extracting(RawRow::row).containsExactly(1L, 2L);
        assertThat(rows).extracting(RawRow::line).containsExactly(5L, 7L);
    }

    @Test
    void leadingByteOrderMarkIsIgnored() throws Exception {
        Path file = write("x.csv", "\uFEFF" + HEADER + "\n" + ROW + "\n");

        List<RawRow> rows = readAll(file);

        assertThat(rows).singleElement().satisfies(row -> assertThat(row.fields()).hasSize(9));
    }

    @Test
    void shortAndLongRowsKeepTheirFieldsInFileOrder() throws Exception {
        // A shuffled header: reordering a row that is not nine fields would scramble it.
        String header = "price,event_time,event_type,product_id,category_id,category_code,brand,user_id,user_session";
        Path file = write("x.csv", header + "\na,b,c\n1,2,3,4,5,6,7,8,9,10\n2019-10-01 00:00:00 UTC,view");

        List<RawRow> rows = readAll(file);

        assertThat(rows.get(0).fields()).containsExactly("a", "b", "c");
        assertThat(rows.get(1).fields()).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        assertThat(rows.get(2).fields()).containsExactly("2019-10-01 00:00:00 UTC", "view");
        assertThat(rows).allSatisfy(row -> assertThat(row.readProblem()).isNull());
    }

    @Test
    void unterminatedLastRowIsStillARow() throws Exception {
        Path file = write("x.csv", HEADER + "\n" + ROW + "\n" + ROW);

        List<RawRow> rows = readAll(file);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).rawLine()).isEqualTo(ROW);
    }

    @Test
    void emptyFieldsAreNull() throws Exception {
        Path file = write("x.csv", HEADER + "\n t , ,\"\",\"  \",,b,,u, \n");

        RawRow row = readAll(file).get(0);

        assertThat(row.fields()).containsExactly("t", null, null, null, null, "b", null, "u", null);
    }

    @Test
    void lineLongerThanOneMebibyteIsReportedAndTheNextRowIsStillRead() throws Exception {
        byte[] longLine = new byte[2 * 1024 * 1024];
        Arrays.fill(longLine, (byte) 'x');
        Path file = dir.resolve("long.csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write((HEADER + "\n").getBytes(UTF_8));
            out.write(longLine);
            out.write(("\n" + ROW + "\n").getBytes(UTF_8));
        }

        List<RawRow> rows = readAll(file);

        assertThat(rows).hasSize(2);
        RawRow tooLong = rows.get(0);
        assertThat(tooLong.readProblem()).isEqualTo("line_too_long");
        assertThat(tooLong.fields()).isNull();
        assertThat(tooLong.rawLine()).isEqualTo("x".repeat(1024) + "...");
        assertThat(rows.get(1).readProblem()).isNull();
        assertThat(rows.get(1).rawLine()).isEqualTo(ROW);
        assertThat(rows.get(1).row()).isEqualTo(2);
        assertThat(rows.get(1).line()).isEqualTo(3);
    }

    @Test
    void lineOfExactlyOneMebibyteWithCrlfIsNotTooLong() throws Exception {
        String line = "a," + "y".repeat(CsvFileSource.MAX_RECORD - 2);
        Path file = write("x.csv", HEADER + "\r\n" + line + "\r\n");

        RawRow row = readAll(file).get(0);

        assertThat(row.readProblem()).isNull();
        assertThat(row.fields()).hasSize(2);
        assertThat(row.rawLine()).hasSize(CsvFileSource.MAX_RECORD);
    }

    @Test
    void invalidUtf8IsReportedAsBadEncoding() throws Exception {
        Path file = dir.resolve("x.csv");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write((HEADER + "\nt,view,1,2,c,").getBytes(UTF_8));
        bytes.write(new byte[] {(byte) 0xC3, 0x28});
        bytes.write((",3,4,s\n" + ROW + "\n").getBytes(UTF_8));
        Files.write(file, bytes.toByteArray());

        List<RawRow> rows = readAll(file);

        RawRow bad = rows.get(0);
        assertThat(bad.readProblem()).isEqualTo("bad_encoding");
        assertThat(bad.fields()).isNull();
        assertThat(bad.rawLine()).isEqualTo("t,view,1,2,c,\uFFFD(,3,4,s");
        assertThat(rows.get(1).readProblem()).isNull();
    }

    @Test
    void validUtf8IsDecoded() throws Exception {
        Path file = write("x.csv", HEADER + "\nt,view,1,2,c,Bäckerei ☕,3,4,s\n");

        RawRow row = readAll(file).get(0);

        assertThat(row.fields()[Columns.BRAND]).isEqualTo("Bäckerei ☕");
        assertThat(row.rawLine()).isEqualTo("t,view,1,2,c,Bäckerei ☕,3,4,s");
    }

    @Test
    void headerMissingAColumnIsRejectedNamingIt() throws Exception {
        Path file = write("x.csv", HEADER.replace(",price", "") + "\n" + ROW + "\n");

        assertThatThrownBy(() -> CsvFileSource.open(file))
                .isInstanceOf(InputFileException.class)
                .hasMessage(file + ": header is missing column 'price' (found: "
                        + HEADER.replace(",price", "") + ")");
    }

    @Test
    void headerWithUnknownOrRepeatedColumnIsRejected() throws Exception {
        Path unknown = write("u.csv", HEADER.replace("price", "cost") + "\n");
        Path repeated = write("r.csv", HEADER.replace("brand", "price") + "\n");

        assertThatThrownBy(() -> CsvFileSource.open(unknown))
                .hasMessageStartingWith(unknown + ": header is missing column 'price'; has unknown column 'cost'")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> CsvFileSource.open(repeated))
                .hasMessageContaining("missing column 'brand'")
                .hasMessageContaining("repeats column 'price'");
    }

    @Test
    void fileWithoutHeaderIsRejected() throws Exception {
        Path file = write("x.csv", ROW + "\n");

        assertThatThrownBy(() -> CsvFileSource.open(file))
                .isInstanceOf(InputFileException.class)
                .hasMessageStartingWith(file + ": no REES46 header (first line: 2019-10-01");
    }

    @Test
    void emptyFileIsRejected() throws Exception {
        Path file = write("x.csv", "\n\n");

        assertThatThrownBy(() -> CsvFileSource.open(file))
                .hasMessage(file + ": no REES46 header (the file is empty)");
    }

    @Test
    void binaryFilesAreNotCsv() throws Exception {
        Path nul = dir.resolve("nul.bin");
        Files.write(nul, new byte[] {'a', 0, 0, 0, 'b', '\n'});
        Path png = dir.resolve("image.csv");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13});
        Path zip = dir.resolve("archive.csv");
        Files.write(zip, new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0});

        for (Path file : List.of(nul, png, zip)) {
            assertThatThrownBy(() -> CsvFileSource.open(file))
                    .isInstanceOf(InputFileException.class)
                    .hasMessage(file + ": not a CSV file (no REES46 header)");
        }
    }

    @Test
    void gzipIsDetectedByContentNotName() throws Exception {
        Path gzipped = dir.resolve("plain-name.csv");
        Files.write(gzipped, gzip((HEADER + "\n" + ROW + "\n").getBytes(UTF_8)));
        Path plain = write("gzip-name.csv.gz", HEADER + "\n" + ROW + "\n");

        assertThat(readAll(gzipped)).extracting(RawRow::rawLine).containsExactly(ROW);
        assertThat(readAll(plain)).extracting(RawRow::rawLine).containsExactly(ROW);
    }

    @Test
    void truncatedGzipReturnsEarlierRowsThenFailsNamingFileAndRow() throws Exception {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 50_000; i++) {
            text.append(ROW.replace("35.79", Integer.toString(i))).append('\n');
        }
        byte[] whole = gzip(text.toString().getBytes(UTF_8));
        Path file = dir.resolve("cut.csv.gz");
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));

        List<RawRow> rows = new ArrayList<>();
        try (CsvFileSource source = CsvFileSource.open(file)) {
            assertThatThrownBy(() -> {
                for (RawRow row = source.next(); row != null; row = source.next()) {
                    rows.add(row);
                }
            }).isInstanceOf(InputFileException.class)
                    .hasMessage(file + ": truncated gzip stream after row " + rows.size());
            // The failure sticks: a caller retrying gets the same error, not a half row.
            assertThatThrownBy(source::next).hasMessageContaining("truncated gzip stream");
        }
        assertThat(rows).isNotEmpty().hasSizeLessThan(50_000);
        assertThat(rows).allSatisfy(row -> assertThat(row.fields()).hasSize(9));
        assertThat(rows.get(rows.size() - 1).fields()[Columns.PRICE]).isEqualTo(Integer.toString(rows.size() - 1));
    }

    @Test
    void nameIsThePathAsGiven() throws Exception {
        Path file = write("x.csv", HEADER + "\n");

        try (CsvFileSource source = CsvFileSource.open(file)) {
            assertThat(source.name()).isEqualTo(file.toString());
            assertThat(source.next()).isNull();
        }
    }

    @Test
    void missingFileIsReportedInOneLine() {
        Path file = dir.resolve("nope.csv");

        assertThatThrownBy(() -> CsvFileSource.open(file)).hasMessage(file + ": file not found");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, UTF_8);
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    private static List<RawRow> readAll(Path file) throws InputFileException {
        List<RawRow> rows = new ArrayList<>();
        try (CsvFileSource source = CsvFileSource.open(file)) {
            for (RawRow row = source.next(); row != null; row = source.next()) {
                rows.add(row);
            }
        }
        return rows;
    }
}
