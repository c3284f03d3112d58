package dev.funnelstream.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.funnelstream.read.Columns;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SyntheticShopTest {
    private static final long EVENTS = 200_000;
    private static final Pattern ROW = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC,(view|cart|remove_from_cart|purchase),\\d{6,8},\\d{19},"
                    + "[a-z_.]*,[a-z]*,\\d+\\.\\d{2},\\d{9},([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})?");

    private static ShopStats stats;

    @BeforeAll
    static void generateOnce() {
        stats = ShopStats.of(GeneratorSettings.of(EVENTS, "2019-10", 42));
    }

    @Test
    void producesExactlyTheRequestedNumberOfRows() {
        assertThat(stats.rows).isEqualTo(EVENTS);
        assertThat(rows(GeneratorSettings.of(7, "2019-10..2020-04", 1))).hasSize(7);
        assertThat(rows(GeneratorSettings.of(0, "2019-10", 1))).isEmpty();
    }

    @Test
    void rowsComeInTimeOrder() {
        assertThat(stats.outOfOrder).isZero();
    }

    @Test
    void sameSeedGivesSameRowsAndAnotherSeedOtherRows() {
        List<String> first = rows(GeneratorSettings.of(20_000, "2019-10..2019-11", 5));
        List<String> again = rows(GeneratorSettings.of(20_000, "2019-10..2019-11", 5));
        List<String> other = rows(GeneratorSettings.of(20_000, "2019-10..2019-11", 6));

        assertThat(again).isEqualTo(first);
        assertThat(other).hasSize(first.size()).isNotEqualTo(first);
    }

    @Test
    void eventMixLooksLikeTheRealShop() {
        assertThat(stats.share("view")).isBetween(0.90, 0.97);
        assertThat(stats.share("cart")).isBetween(0.025, 0.06);
        assertThat(stats.share("purchase")).isBetween(0.01, 0.03);
        assertThat(stats.share("remove_from_cart")).isGreaterThan(0).isLessThan(0.01);
        assertThat(stats.types).containsOnlyKeys("view", "cart", "remove_from_cart", "purchase");
    }

    @Test
    void categoryCodeAndBrandAreSometimesEmpty() {
        assertThat(stats.nullCategoryCode / (double) stats.rows).isBetween(0.25, 0.35);
        assertThat(stats.nullBrand / (double) stats.rows).isBetween(0.10, 0.18);
    }

    @Test
    void aFewRowsHaveNoSession() {
        assertThat(stats.nullSession).isPositive().isLessThan(EVENTS / 1000);
    }

    @Test
    void someRowsAreExactRepeatsOfThePreviousOne() {
        assertThat(stats.exactRepeats / (double) stats.rows).isBetween(0.0003, 0.003);
    }

    @Test
    void sessionsCartBuyDropOffAndBuyWithoutCart() {
        assertThat(stats.sessionsWithCartThenPurchase()).isPositive();
        assertThat(stats.sessionsWithPurchaseWithoutCart()).isPositive();
        // Many shoppers leave with a full cart.
        assertThat(stats.sessionsWithCartOnly()).isGreaterThan(stats.sessionsWithCartThenPurchase());
        assertThat((double) EVENTS / stats.sessions()).isCloseTo(4.7, within(1.5));
    }

    @Test
    void nightsAreQuieterThanAfternoons() {
        long night = stats.byHourOfDay[0] + stats.byHourOfDay[1] + stats.byHourOfDay[2];
        long afternoon = stats.byHourOfDay[14] + stats.byHourOfDay[15] + stats.byHourOfDay[16];

        assertThat(night * 5).isLessThan(afternoon);
    }

    @Test
    void fieldsHaveTheRealFormats() {
        assertThat(stats.categoryIdsAbove2To53).isEqualTo(EVENTS);
        assertThat(stats.pricesWithTwoDecimals).isEqualTo(EVENTS);
        assertThat(stats.linesMatchingFields).isEqualTo(EVENTS);
        assertThat(rows(GeneratorSettings.of(5_000, "2019-10", 3))).allMatch(line -> ROW.matcher(line).matches());
    }

    @Test
    void fieldsAreInColumnsOrderWithNullsForEmptyValues() {
        SyntheticShop shop = new SyntheticShop(GeneratorSettings.of(50_000, "2019-10", 9));
        boolean sawNullCode = false;
        while (shop.next()) {
            String[] fields = shop.fields();
            assertThat(fields).hasSize(Columns.COUNT);
            assertThat(fields[Columns.EVENT_TIME]).isEqualTo(shop.eventTime());
            assertThat(fields[Columns.USER_SESSION]).isEqualTo(shop.userSession());
            if (fields[Columns.CATEGORY_CODE] == null) {
                sawNullCode = true;
                assertThat(shop.line()).contains("," + fields[Columns.CATEGORY_ID] + ",,");
            }
        }
        assertThat(sawNullCode).isTrue();
    }

    @Test
    void monthsGetEventsInProportionToTheirDays() {
        List<String> rows = rows(GeneratorSettings.of(59_000, "2019-11..2019-12", 4)); // 30 + 31 days
        long november = rows.stream().filter(r -> r.startsWith("2019-11")).count();

        assertThat(november / (double) rows.size()).isCloseTo(30.0 / 61, within(0.02));
        assertThat(rows.get(0)).startsWith("2019-11-01");
        assertThat(rows.get(rows.size() - 1)).startsWith("2019-12-31");
    }

    private static List<String> rows(GeneratorSettings settings) {
        SyntheticShop shop = new SyntheticShop(settings);
        List<String> lines = new ArrayList<>();
        while (shop.next()) {
            lines.add(shop.line());
        }
        return lines;
    }
}
