package dev.funnelstream.cli;

import dev.funnelstream.report.ProcessedRows;
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
                "products", "abandoned-carts", "monthly", "events-per-minute", "live-funnel", "trending-products"}) {
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

    @Test
    void eventsPerMinuteAsCsvWithoutBuildingTheReportingLayer() throws Exception {
        withProcessedRows();

        Result r = run("report", "events-per-minute", "--format", "csv");

        assertThat(r.code).as(r.err).isZero();
        assertThat(r.out).isEqualTo("""
                minute,event_type,events
                2019-10-01 10:00,cart,1
                2019-10-01 10:00,view,3
                2019-10-01 10:01,purchase,2
                2019-10-02 00:00,view,1
                """);
        try (DuckDbWarehouse wh = TestWarehouse.open(dataDir); Connection c = wh.connect()) {
            assertThat(TestWarehouse.rows(c, "SELECT count(*) FROM pipeline.transform_runs")).containsExactly("0");
        }
    }

    @Test
    void eventsPerMinuteOverUtcTimesWithALimit() throws Exception {
        withProcessedRows();

        Result r = run("report", "events-per-minute", "--from", "2019-10-01 10:01", "--to", "2019-10-02T00:00:00Z",
                "--limit", "1", "--format", "csv");

        assertThat(r.code).as(r.err).isZero();
        assertThat(r.out).isEqualTo("minute,event_type,events\n2019-10-01 10:01,purchase,2\n");
    }

    @Test
    void anEmptyProcessedLayerIsAHeaderOnly() {
        Result r = run("report", "events-per-minute", "--format", "csv");

        assertThat(r.code).as(r.err).isZero();
        assertThat(r.out).isEqualTo("minute,event_type,events\n");
    }

    @Test
    void liveFunnelAsJsonOverADay() throws Exception {
        withProcessedRows();

        Result r = run("report", "live-funnel", "--from", "2019-10-01", "--to", "2019-10-01", "--format", "json");

        assertThat(r.code).as(r.err).isZero();
        assertThat(r.out.replaceAll("\\s", "")).isEqualTo("[{\"step\":\"view\",\"sessions\":8,\"conversion\":1.0000},"
                + "{\"step\":\"cart\",\"sessions\":2,\"conversion\":0.2500},"
                + "{\"step\":\"purchase\",\"sessions\":1,\"conversion\":0.5000}]");
    }

    @Test
    void trendingProductsAtATimeAsATable() throws Exception {
        withProcessedRows();

        Result latest = run("report", "trending-products");
        Result earlier = run("report", "trending-products", "--at", "2019-10-01 10:04", "--format", "csv");

        assertThat(latest.code).as(latest.err).isZero();
        assertThat(latest.out.lines()).hasSize(2);
        assertThat(latest.out.lines().toList().get(1)).startsWith("2019-10-01 10:05").endsWith(" 1");
        assertThat(earlier.code).as(earlier.err).isZero();
        assertThat(earlier.out).isEqualTo("""
                window_end,rank,product_id,views,carts,purchases,revenue,brand,category_code,rank_change
                2019-10-01 10:00,1,1001,5,1,1,100.00,apple,electronics.smartphone,
                2019-10-01 10:00,2,1002,3,0,0,0.00,unknown,unknown,
                """);
        assertThat(run("report", "trending-products", "--at", "2019-10-01 10:04").out).contains(" new\n");
    }

    @Test
    void aBadTimeIsOneLineAndExitCode2() {
        Result r = run("report", "trending-products", "--at", "2019-13-01");

        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).isEqualTo("funnelstream: --at '2019-13-01' is not a date or time: expected YYYY-MM-DD,"
                + " 'YYYY-MM-DD HH:MM' (UTC) or an ISO-8601 instant\n");
    }

    @Test
    void aLivePeriodBackwardsIsAUsageError() {
        Result r = run("report", "live-funnel", "--from", "2019-10-02 00:00", "--to", "2019-10-01");

        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).isEqualTo("funnelstream: --from 2019-10-02 00:00 is after --to 2019-10-01\n");
    }

    /** Processed rows beside the landed shop, as the streaming job would have written them. */
    private void withProcessedRows() throws Exception {
        try (DuckDbWarehouse wh = TestWarehouse.open(dataDir); Connection c = wh.connect()) {
            new ProcessedRows(c)
                    .minute("2019-10-02T00:00:00Z", "all", 1, 0, 0, 0)
                    .minute("2019-10-01T10:00:00Z", "all", 3, 1, 0, 0)
                    .minute("2019-10-01T10:00:00Z", "electronics", 3, 1, 0, 0)
                    .minute("2019-10-01T10:01:00Z", "all", 0, 0, 0, 2)
                    .hour("2019-10-01T10:00:00Z", 5, 2, 1)
                    .hour("2019-10-01T23:00:00Z", 3, 0, 0)
                    .hour("2019-10-02T00:00:00Z", 4, 4, 4)
                    .trending("2019-10-01T10:00:00Z", 1, 1001, 5, 1, 1, "100", "apple", "electronics.smartphone", null)
                    .trending("2019-10-01T10:00:00Z", 2, 1002, 3, 0, 0, "0", null, null, null)
                    .trending("2019-10-01T10:05:00Z", 1, 1002, 9, 0, 0, "0", null, null, 2);
        }
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
