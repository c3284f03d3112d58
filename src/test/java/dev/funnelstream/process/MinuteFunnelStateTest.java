package dev.funnelstream.process;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MinuteFunnelStateTest {

    @Test
    void countsEventsRevenueAndDistinctSessionsPerStep() {
        MinuteFunnelState s = new MinuteFunnelState();
        s.add("view", new BigDecimal("10.00"), "a");
        s.add("view", new BigDecimal("10.00"), "a");
        s.add("view", new BigDecimal("5.00"), "b");
        s.add("cart", new BigDecimal("10.00"), "a");
        s.add("remove_from_cart", new BigDecimal("10.00"), "a");
        s.add("purchase", new BigDecimal("10.50"), "a");
        s.add("purchase", new BigDecimal("2.25"), null);

        assertThat(new long[] {s.views, s.carts, s.removeFromCarts, s.purchases}).containsExactly(3, 1, 1, 2);
        assertThat(s.revenue).isEqualByComparingTo("12.75");
        assertThat(s.viewed).containsExactlyInAnyOrder("a", "b");
        assertThat(s.carted).containsExactly("a");
        assertThat(s.purchased).as("a null session is an event, not a session").containsExactly("a");
    }

    @Test
    void anUnknownEventTypeIsAnError() {
        assertThatThrownBy(() -> new MinuteFunnelState().add("click", BigDecimal.ONE, "a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("click");
    }

    @Test
    void theTopLevelCategoryIsTheFirstSegmentOrUnknown() {
        assertThat(ByMinuteAndCategory.topLevel("electronics.smartphone")).isEqualTo("electronics");
        assertThat(ByMinuteAndCategory.topLevel("apparel")).isEqualTo("apparel");
        assertThat(ByMinuteAndCategory.topLevel(null)).isEqualTo("unknown");
        assertThat(ByMinuteAndCategory.topLevel("")).isEqualTo("unknown");
        assertThat(ByMinuteAndCategory.topLevel(".odd")).isEqualTo("unknown");
    }
}
