package dev.funnelstream.cli;

import dev.funnelstream.transform.RawEvents;
import dev.funnelstream.transform.TestWarehouse;
import dev.funnelstream.warehouse.DuckDbWarehouse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/** The report command on a warehouse file no run holds (the file has never been transformed). */
class ReportCommandTest {
    @TempDir
    Path dataDir;

    @BeforeEach
    void landTheShop() throws Exception {
        try (DuckDbWarehouse wh = TestWarehouse.open(dataDir); Connection c = wh.connect()) {
            RawEvents.shop().load(c, "2024-01-01T00:00:00Z");
        }
    }

    @Test
    void revenueByCategoryAsCsvBuildsTheReportingLayerFirst() {
        Result r = run("report", "revenue-by-category", "--limit", "3", "--format", "csv");

        assertThat(r.code).as(r.err).isZero();
        assertThat(r.out).isEqualTo("category,revenue\nelectronics.smartphone,130.00\napparel.shoes,50.00\n"
                + "electronics.audio.headphone,50.00\n");
    }

    @Test
    void funnelAsJsonOverAPeriod() {
        Result r = run("report", "funnel", "--from", "2019-10-02", "--to", "2019-10-02", "--format", "json");

        assertThat(r.code).as(r.err).isZero();
        assertThat(r.out.replaceAll("\\s", "")).isEqualTo("[{\"step\":\"view\",\"sessions\":2,"
                + "\"conversion_from_previous\":1.0000,\"conversion_from_start\":1.0000},"
                + "{\"step\":\"cart\",\"sessions\":2,\"conversion_from_previous\":1.0000,\"conversion_from_start\":1.0000},"
                + "{\"step\":\"purchase\",\"sessions\":1,\"conversion_from_previous\":0.5000,\"conversion_from_start\":0.5000}]");
    }

    @Test
    void everyReportPrintsATable() {
        for (String report : new String[] {"revenue-by-category", "top-brands", "daily-revenue", "funnel",
                "products", "abandoned-carts", "monthly"}) {
            Result r = run("report", report);
            assertThat(r.code).as(report + ": " + r.err).isZero();
            assertThat(r.out.lines().count()).as(report).isGreaterThan(1);
        }
        assertThat(run("report", "monthly").out).contains("2019-10", "270.00", "0.7143");
    }

    @Test
    void aBadDateIsOneLineAndExitCode2() {
        Result r = run("report", "daily-revenue", "--from", "2019-13-01");

        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).isEqualTo("funnelstream: --from '2019-13-01' is not a date: expected YYYY-MM-DD\n");
    }

    @Test
    void aPeriodBackwardsIsAUsageError() {
        Result r = run("report", "funnel", "--from", "2019-10-02", "--to", "2019-10-01");

        assertThat(r.code).isEqualTo(2);
        assertThat(r.err.lines()).hasSize(1);
    }

    @Test
    void aMissingWarehouseIsAUsageError(@TempDir Path empty) {
        Result r = run("report", "monthly", "--data-dir", empty.toString());

        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).startsWith("funnelstream: no warehouse in ");
    }

    private Result run(String... args) {
        String[] withDir = args;
        if (!String.join(" ", args).contains("--data-dir")) {
            withDir = java.util.Arrays.copyOf(args, args.length + 2);
            withDir[args.length] = "--data-dir";
            withDir[args.length + 1] = dataDir.toString();
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(withDir);
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int code, String out, String err) {
    }
}
