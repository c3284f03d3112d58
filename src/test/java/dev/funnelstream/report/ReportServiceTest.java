package dev.funnelstream.report;

import dev.funnelstream.transform.RawEvents;
import dev.funnelstream.transform.TestWarehouse;
import dev.funnelstream.transform.Transforms;
import dev.funnelstream.warehouse.DuckDbWarehouse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportServiceTest {
    private static final LocalDate OCT_1 = LocalDate.of(2019, 10, 1);
    private static final LocalDate OCT_2 = LocalDate.of(2019, 10, 2);

    @TempDir
    Path dir;
    private DuckDbWarehouse warehouse;
    private ReportService reports;

    @BeforeEach
    void openShop() throws SQLException {
        warehouse = TestWarehouse.open(dir);
        try (Connection c = warehouse.connect()) {
            RawEvents.shop().load(c, "2024-01-01T00:00:00Z");
        }
        reports = new ReportService(warehouse, true);
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    @Test
    void revenueByCategoryBreaksTiesByCategoryAndCallsNullUnknown() throws SQLException {
        assertThat(csv(ReportName.REVENUE_BY_CATEGORY, new ReportQuery(null, null, 15, null, null))).isEqualTo("""
                category,revenue
                electronics.smartphone,130.00
                apparel.shoes,50.00
                electronics.audio.headphone,50.00
                unknown,40.00
                """);
    }

    @Test
    void revenueByCategoryOverAPeriodAndALimit() throws SQLException {
        assertThat(csv(ReportName.REVENUE_BY_CATEGORY, new ReportQuery(OCT_2, OCT_2, 2, null, null))).isEqualTo("""
                category,revenue
                apparel.shoes,50.00
                electronics.smartphone,30.00
                """);
    }

    @Test
    void topBrands() throws SQLException {
        assertThat(csv(ReportName.TOP_BRANDS, new ReportQuery(null, null, 10, null, null))).isEqualTo("""
                brand,revenue
                apple,100.00
                nike,50.00
                sony,50.00
                unknown,40.00
                samsung,30.00
                """);
        assertThat(csv(ReportName.TOP_BRANDS, new ReportQuery(OCT_1, OCT_1, 10, null, null))).isEqualTo("""
                brand,revenue
                apple,100.00
                sony,50.00
                unknown,20.00
                """);
    }

    @Test
    void dailyRevenue() throws SQLException {
        assertThat(csv(ReportName.DAILY_REVENUE, ReportQuery.all())).isEqualTo("""
                day,revenue
                2019-10-01,170.00
                2019-10-02,100.00
                """);
        assertThat(csv(ReportName.DAILY_REVENUE, new ReportQuery(OCT_2, null, null, null, null))).isEqualTo("""
                day,revenue
                2019-10-02,100.00
                """);
    }

    @Test
    void funnelCountsOrderedStepsPerSession() throws SQLException {
        // s2 bought without a cart, s3 carted after buying, s6 carted without a view.
        assertThat(csv(ReportName.FUNNEL, ReportQuery.all())).isEqualTo("""
                step,sessions,conversion_from_previous,conversion_from_start
                view,6,1.0000,1.0000
                cart,5,0.8333,0.8333
                purchase,3,0.6000,0.5000
                """);
    }

    @Test
    void funnelOverAPeriodCountsOnlyTheEventsInsideIt() throws SQLException {
        // s4 viewed on Oct 1 and carted and bought on Oct 2: on Oct 2 alone it never viewed.
        assertThat(csv(ReportName.FUNNEL, new ReportQuery(OCT_2, OCT_2, null, null, null))).isEqualTo("""
                step,sessions,conversion_from_previous,conversion_from_start
                view,2,1.0000,1.0000
                cart,2,1.0000,1.0000
                purchase,1,0.5000,0.5000
                """);
        // On Oct 1 alone s4 only viewed.
        assertThat(csv(ReportName.FUNNEL, new ReportQuery(null, OCT_1, null, null, null))).isEqualTo("""
                step,sessions,conversion_from_previous,conversion_from_start
                view,4,1.0000,1.0000
                cart,2,0.5000,0.5000
                purchase,1,0.5000,0.2500
                """);
    }

    @Test
    void funnelOverEveryDayFromRawEqualsTheReportingTables() throws SQLException {
        assertThat(csv(ReportName.FUNNEL, new ReportQuery(OCT_1, OCT_2, null, null, null)))
                .isEqualTo(csv(ReportName.FUNNEL, ReportQuery.all()));
        assertThat(csv(ReportName.FUNNEL, new ReportQuery(OCT_1, OCT_2, null, "electronics.smartphone", null)))
                .isEqualTo(csv(ReportName.FUNNEL, new ReportQuery(null, null, null, "electronics.smartphone", null)));
        assertThat(csv(ReportName.FUNNEL, new ReportQuery(OCT_1, OCT_2, null, null, "unknown")))
                .isEqualTo(csv(ReportName.FUNNEL, new ReportQuery(null, null, null, null, "unknown")));
    }

    @Test
    void funnelOfACategoryOrABrand() throws SQLException {
        // s6 carted a smartphone it never viewed: not in the funnel.
        assertThat(csv(ReportName.FUNNEL, new ReportQuery(null, null, null, "electronics.smartphone", null))).isEqualTo("""
                step,sessions,conversion_from_previous,conversion_from_start
                view,2,1.0000,1.0000
                cart,2,1.0000,1.0000
                purchase,2,1.0000,1.0000
                """);
        assertThat(csv(ReportName.FUNNEL, new ReportQuery(null, null, null, null, "unknown"))).isEqualTo("""
                step,sessions,conversion_from_previous,conversion_from_start
                view,2,1.0000,1.0000
                cart,1,0.5000,0.5000
                purchase,0,0.0000,0.0000
                """);
        assertThat(csv(ReportName.FUNNEL, new ReportQuery(null, null, null, "electronics.smartphone", "apple"))).isEqualTo("""
                step,sessions,conversion_from_previous,conversion_from_start
                view,1,1.0000,1.0000
                cart,1,1.0000,1.0000
                purchase,1,1.0000,1.0000
                """);
    }

    @Test
    void funnelOfNothingHasNoConversions() throws SQLException {
        assertThat(csv(ReportName.FUNNEL, new ReportQuery(null, null, null, "no.such.category", null))).isEqualTo("""
                step,sessions,conversion_from_previous,conversion_from_start
                view,0,,
                cart,0,,
                purchase,0,,
                """);
    }

    @Test
    void products() throws SQLException {
        assertThat(csv(ReportName.PRODUCTS, ReportQuery.all().withLimit(4))).isEqualTo("""
                product_id,category,brand,views,carts,purchases,view_to_cart,cart_to_purchase,revenue,abandoned_value
                1001,electronics.smartphone,apple,1,2,1,2.0000,0.5000,100.00,100.00
                1003,electronics.audio.headphone,sony,1,1,1,1.0000,1.0000,50.00,0.00
                1006,apparel.shoes,nike,1,1,1,1.0000,1.0000,50.00,0.00
                1002,unknown,unknown,1,0,2,0.0000,,40.00,0.00
                """);
    }

    @Test
    void abandonedCarts() throws SQLException {
        assertThat(csv(ReportName.ABANDONED_CARTS, ReportQuery.all())).isEqualTo("""
                session,user_id,day,carts,value
                s6,1,2019-10-02,1,100.00
                s5,5,2019-10-02,1,40.00
                """);
        assertThat(csv(ReportName.ABANDONED_CARTS, new ReportQuery(OCT_1, OCT_1, null, null, null)))
                .isEqualTo("session,user_id,day,carts,value\n");
    }

    @Test
    void monthly() throws SQLException {
        assertThat(csv(ReportName.MONTHLY, ReportQuery.all())).isEqualTo("""
                month,events,users,sessions,revenue,conversion
                2019-10,18,7,7,270.00,0.7143
                """);
    }

    @Test
    void aReportBringsAStaleReportingLayerUpToDateFirst() throws SQLException {
        try (Connection c = warehouse.connect()) {
            Transforms.run(c);
            new RawEvents().startIdsAt(100)
                    .add("2019-10-03T08:00:00Z", "purchase", 1006, "apparel.shoes", "nike", "12.345", 8, "s8")
                    .load(c, "2024-01-02T00:00:00Z");
        }
        assertThat(reports.stale()).isTrue();

        assertThat(csv(ReportName.DAILY_REVENUE, new ReportQuery(OCT_2, null, null, null, null))).isEqualTo("""
                day,revenue
                2019-10-02,100.00
                2019-10-03,12.35
                """);
        assertThat(reports.stale()).isFalse();
    }

    @Test
    void aReadOnlyServiceRefusesAStaleLayerButAnswersPeriodFunnels() throws SQLException {
        ReportService readOnly = new ReportService(warehouse, false);

        assertThatThrownBy(() -> readOnly.report(ReportName.MONTHLY, ReportQuery.all()))
                .isInstanceOf(StaleReportingException.class);
        assertThat(readOnly.report(ReportName.FUNNEL, new ReportQuery(OCT_2, OCT_2, null, null, null)).rows())
                .extracting(r -> r.get(1)).containsExactly(2L, 2L, 1L);
    }

    @Test
    void sqlFragmentsAreRefusedAndNamesGoThroughParameters() throws SQLException {
        assertThatThrownBy(() -> new ReportQuery(null, null, null, "x' OR '1'='1", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("category");
        assertThatThrownBy(() -> new ReportQuery(null, null, null, null, "y'); DROP TABLE raw.events; --"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("brand");
        assertThatThrownBy(() -> new ReportQuery(null, null, null, "a -- b", null))
                .isInstanceOf(IllegalArgumentException.class);

        ReportTable t = reports.report(ReportName.FUNNEL,
                new ReportQuery(null, null, null, "electronics.smartphone & more", "b+c"));
        assertThat(t.rows()).extracting(r -> r.get(1)).containsExactly(0L, 0L, 0L);
        // Below the name check, the SQL binds values: an injection attempt is just a name nothing has.
        try (Connection c = warehouse.connect()) {
            assertThat(ReportSql.counts(c, "funnel_raw.sql", 3, null, null, null, "x' OR '1'='1", null, null))
                    .containsExactly(0L, 0L, 0L);
            assertThat(ReportSql.counts(c, "funnel_raw.sql", 3, null, null, null, null, "x' OR '1'='1",
                    "y'); DROP TABLE raw.events; --"))
                    .containsExactly(0L, 0L, 0L);
            assertThat(ReportSql.counts(c, "funnel_raw.sql", 3, null, null, null, null, null, null)[0]).isPositive();
        }
        assertThat(csv(ReportName.DAILY_REVENUE, ReportQuery.all())).contains("2019-10-01,170.00");
    }

    private String csv(ReportName name, ReportQuery q) throws SQLException {
        StringWriter out = new StringWriter();
        ReportFormat.csv(reports.report(name, q), new PrintWriter(out));
        return out.toString();
    }
}
