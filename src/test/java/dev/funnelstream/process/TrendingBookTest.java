package dev.funnelstream.process;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class TrendingBookTest {
    private final TrendingBook book = new TrendingBook();

    @Test
    void ranksAnHourByViewsThenProductIdAndShowsTheTopTen() {
        for (long product = 1; product <= 12; product++) {
            for (int i = 0; i < product % 4; i++) {
                view("10:00:00", product);
            }
        }
        view("10:59:59", 100); // the hour's last second still counts

        List<TrendingBook.Ranked> top = book.close(at("11:00:00"));

        // 3 views: 3, 7, 11; 2 views: 2, 6, 10; 1 view: 1, 5, 9, 100 (4, 8 and 12 have no events).
        assertThat(top).extracting(r -> r.hour().productId).containsExactly(3L, 7L, 11L, 2L, 6L, 10L, 1L, 5L, 9L, 100L);
        assertThat(top).extracting(TrendingBook.Ranked::rank).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(top).extracting(TrendingBook.Ranked::previousRank).containsOnlyNulls();
    }

    @Test
    void aSlideHoldsTheHourBeforeItsEndNotIncludingTheEnd() {
        view("10:00:00", 1);
        view("11:00:00", 2);

        assertThat(ids(book.close(at("10:05:00")))).containsExactly(1L);
        assertThat(ids(book.close(at("11:00:00")))).containsExactly(1L);
        assertThat(ids(book.close(at("11:05:00")))).containsExactly(2L);
    }

    @Test
    void rankChangeComesFromTheSlideFiveMinutesBeforeOnlyWhenInItsTopTwenty() {
        for (long product = 1; product <= 25; product++) {
            for (int i = 0; i < 30 - product; i++) {
                view("10:00:00", product); // product 1 has 29 views, product 25 has 5
            }
        }
        book.close(at("10:05:00"));
        for (int i = 0; i < 30; i++) {
            view("10:05:00", 15); // 15 was 15th, now first
            view("10:05:00", 24); // 24 was 24th (not in the top 20), now second
        }

        List<TrendingBook.Ranked> top = book.close(at("10:10:00"));

        assertThat(top.get(0).hour().productId).isEqualTo(15L);
        assertThat(top.get(0).previousRank()).isEqualTo(15);
        assertThat(top.get(1).hour().productId).isEqualTo(24L);
        assertThat(top.get(1).previousRank()).isNull();
        assertThat(top.get(2).hour().productId).isEqualTo(1L);
        assertThat(top.get(2).previousRank()).isEqualTo(1);
    }

    @Test
    void noRankChangeAcrossAGapBetweenSlides() {
        view("10:00:00", 1);
        book.close(at("10:05:00"));

        assertThat(book.close(at("10:15:00"))).extracting(TrendingBook.Ranked::previousRank).containsOnlyNulls();
    }

    @Test
    void sumsCartsPurchasesAndRevenueAndKeepsTheGreatestBrandAndCategory() {
        book.add(t("10:01:00"), "view", 7, new BigDecimal("10.00"), "acme", "electronics.audio");
        book.add(t("10:02:00"), "cart", 7, new BigDecimal("10.00"), null, null);
        book.add(t("10:07:00"), "purchase", 7, new BigDecimal("10.50"), "zeta", "electronics.audio");
        book.add(t("10:08:00"), "purchase", 7, new BigDecimal("9.50"), "acme", "appliances");
        book.add(t("10:09:00"), "remove_from_cart", 7, new BigDecimal("10.00"), null, null);

        TrendingBook.Hour h = book.close(at("10:10:00")).get(0).hour();

        assertThat(h.views).isEqualTo(1);
        assertThat(h.carts).isEqualTo(1);
        assertThat(h.purchases).isEqualTo(2);
        assertThat(h.revenue).isEqualByComparingTo("20.00");
        assertThat(h.brand).isEqualTo("zeta");
        assertThat(h.categoryCode).isEqualTo("electronics.audio");
    }

    @Test
    void forgetsSlicesNoLaterSlideHolds() {
        view("10:00:00", 1);
        view("10:30:00", 2);

        book.close(at("10:55:00"));
        assertThat(book.heldProducts()).containsOnly(1L, 2L);
        book.close(at("11:00:00")); // the next slide, ending 11:05, starts at 10:05
        assertThat(book.heldProducts()).containsOnly(2L);
        book.close(at("11:30:00"));
        assertThat(book.heldProducts()).isEmpty();
    }

    @Test
    void tellsWhenAnEventOpensASliceNoProductHadSoItsSlidesGetTimersOnce() {
        assertThat(book.add(t("10:01:00"), "view", 1, BigDecimal.ONE, null, null)).isTrue();
        assertThat(book.add(t("10:04:59"), "view", 2, BigDecimal.ONE, null, null)).isFalse();
        assertThat(book.add(t("10:05:00"), "view", 1, BigDecimal.ONE, null, null)).isTrue();

        book.close(at("11:00:00")); // forgets the 10:00 slice: no later slide holds it
        assertThat(book.bySlice).containsOnlyKeys(t("10:05:00"));
    }

    @Test
    void slideAfterSlideEachHourEqualsTheHourSummedAfresh() {
        Random rng = new Random(7);
        String[] types = {"view", "view", "view", "cart", "purchase", "remove_from_cart"};
        List<Object[]> events = new ArrayList<>();
        long start = t("10:00:00");
        for (long end = start + TrendingBook.SLIDE_MILLIS; end <= start + 3 * TrendingBook.HOUR_MILLIS;
             end += TrendingBook.SLIDE_MILLIS) {
            // Each slide's events, then the slide closes, as the watermark would have it.
            for (int i = 0; i < 60; i++) {
                long time = end - TrendingBook.SLIDE_MILLIS + rng.nextInt((int) TrendingBook.SLIDE_MILLIS);
                Object[] e = {time, types[rng.nextInt(types.length)], (long) rng.nextInt(30),
                        new BigDecimal(rng.nextInt(10_000)).movePointLeft(2), "b" + rng.nextInt(3), "c" + rng.nextInt(3)};
                events.add(e);
                book.add((Long) e[0], (String) e[1], (Long) e[2], (BigDecimal) e[3], (String) e[4], (String) e[5]);
            }
            List<TrendingBook.Ranked> running = book.close(end);

            TrendingBook fresh = new TrendingBook();
            for (Object[] e : events) {
                if ((Long) e[0] < end) {
                    fresh.add((Long) e[0], (String) e[1], (Long) e[2], (BigDecimal) e[3], (String) e[4], (String) e[5]);
                }
            }
            assertThat(running.stream().map(TrendingBookTest::summary).toList()).as("slide ending %d", end)
                    .isNotEmpty()
                    .isEqualTo(fresh.close(end).stream().map(TrendingBookTest::summary).toList());
            if (end == start + 90 * 60_000L) {
                // An event at the watermark itself is on time, and can come after its slice's slide closed.
                for (int i = 0; i < 20; i++) {
                    book.add(end - 1, "view", 99, BigDecimal.ONE, "late", "at-the-watermark");
                    events.add(new Object[] {end - 1, "view", 99L, BigDecimal.ONE, "late", "at-the-watermark"});
                }
            }
        }
    }

    private static String summary(TrendingBook.Ranked r) {
        TrendingBook.Hour h = r.hour();
        return r.rank() + ":" + h.productId + " " + h.views + "/" + h.carts + "/" + h.purchases + " "
                + h.revenue.stripTrailingZeros().toPlainString() + " " + h.brand + " " + h.categoryCode;
    }

    private void view(String time, long product) {
        book.add(t(time), "view", product, BigDecimal.ONE, null, null);
    }

    private static List<Long> ids(List<TrendingBook.Ranked> ranked) {
        return ranked.stream().map(r -> r.hour().productId).toList();
    }

    private static long t(String time) {
        return Instant.parse("2019-10-01T" + time + "Z").toEpochMilli();
    }

    private static long at(String time) {
        return t(time);
    }
}
