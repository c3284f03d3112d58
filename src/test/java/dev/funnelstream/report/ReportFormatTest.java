package dev.funnelstream.report;

import dev.funnelstream.report.ReportTable.Column;
import dev.funnelstream.report.ReportTable.Kind;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportFormatTest {
    private static final ReportTable TABLE = new ReportTable("top-brands",
            List.of(new Column("brand", Kind.TEXT), new Column("revenue", Kind.MONEY), new Column("share", Kind.RATE)),
            List.of(Arrays.asList("a, \"b\"", Kind.MONEY.normalize(new BigDecimal("1234567.5")), null),
                    Arrays.asList("c", Kind.MONEY.normalize(new BigDecimal("0.005")), Kind.RATE.normalize(0.25))));

    @Test
    void csvQuotesOnlyWhatNeedsItAndPrintsMoneyWithTwoDecimals() {
        StringWriter out = new StringWriter();
        ReportFormat.csv(TABLE, new PrintWriter(out));

        assertThat(out.toString()).isEqualTo("brand,revenue,share\n\"a, \"\"b\"\"\",1234567.50,\nc,0.01,0.2500\n");
    }

    @Test
    void jsonHasOneObjectPerRowWithPlainNumbers() {
        assertThat(ReportFormat.json(TABLE).replaceAll("\\s", ""))
                .isEqualTo("[{\"brand\":\"a,\\\"b\\\"\",\"revenue\":1234567.50,\"share\":null},"
                        + "{\"brand\":\"c\",\"revenue\":0.01,\"share\":0.2500}]");
    }

    @Test
    void wireFormatKeepsKindsAndScales() throws Exception {
        ReportTable back = ReportFormat.fromWire(ReportFormat.toWire(TABLE));

        assertThat(back).isEqualTo(TABLE);
        assertThat(((BigDecimal) back.rows().get(0).get(1)).toPlainString()).isEqualTo("1234567.50");
    }

    @Test
    void tableAlignsNumbersRight() {
        StringWriter out = new StringWriter();
        ReportFormat.table(TABLE, new PrintWriter(out));

        assertThat(out.toString().lines()).containsExactly(
                "brand      revenue   share",
                "a, \"b\"  1234567.50       -",
                "c             0.01  0.2500");
    }

    @Test
    void aLineBreakInAValueStaysOnItsRowInATable() {
        ReportTable t = new ReportTable("revenue-by-category",
                List.of(new Column("category", Kind.TEXT), new Column("revenue", Kind.MONEY)),
                List.of(Arrays.asList("two\nlines\tand tab", Kind.MONEY.normalize(new BigDecimal("5")))));
        StringWriter out = new StringWriter();
        ReportFormat.table(t, new PrintWriter(out));

        assertThat(out.toString().lines()).containsExactly(
                "category             revenue",
                "two\\nlines\\tand tab     5.00");
    }
}
