package dev.funnelstream.process;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ordered session funnel as {@link SessionFunnelState} keeps it: the first view; the first cart
 * at or after that view; bought when the latest purchase is at or after that cart (the rule
 * {@link SessionFunnelFunction} applies to the state's fields). Events may arrive in any order.
 */
class SessionFunnelStateTest {
    private static final long NONE = SessionFunnelState.NONE;

    private static long t(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    /** The function's rule for "bought": carted, and a purchase at or after the first cart. */
    private static boolean purchased(SessionFunnelState s) {
        long cart = s.firstCart();
        return cart != NONE && s.lastPurchase >= cart;
    }

    @Test
    void aFreshStateHasSeenNothing() {
        SessionFunnelState s = new SessionFunnelState();

        assertThat(s.viewed()).isFalse();
        assertThat(s.firstView).isEqualTo(NONE);
        assertThat(s.firstCart()).isEqualTo(NONE);
        assertThat(s.lastPurchase).isEqualTo(NONE);
        assertThat(s.lastEvent).isEqualTo(NONE);
        assertThat(s.reportedHour).isEqualTo(NONE);
    }

    @Test
    void viewThenCartThenPurchaseIsTheWholeFunnel() {
        SessionFunnelState s = new SessionFunnelState();
        s.add("view", t("2019-10-01T10:00:00Z"));
        s.add("cart", t("2019-10-01T10:01:00Z"));
        s.add("purchase", t("2019-10-01T10:02:00Z"));

        assertThat(s.viewed()).isTrue();
        assertThat(s.firstView).isEqualTo(t("2019-10-01T10:00:00Z"));
        assertThat(s.firstCart()).isEqualTo(t("2019-10-01T10:01:00Z"));
        assertThat(purchased(s)).isTrue();
        assertThat(s.lastEvent).isEqualTo(t("2019-10-01T10:02:00Z"));
    }

    @Test
    void theFirstViewIsTheEarliestWhateverTheArrivalOrder() {
        SessionFunnelState s = new SessionFunnelState();
        s.add("view", t("2019-10-01T10:05:00Z"));
        s.add("view", t("2019-10-01T10:01:00Z"));
        s.add("view", t("2019-10-01T10:09:00Z"));

        assertThat(s.firstView).isEqualTo(t("2019-10-01T10:01:00Z"));
        assertThat(s.lastEvent).isEqualTo(t("2019-10-01T10:09:00Z"));
    }

    @Test
    void aCartBeforeTheFirstViewDoesNotCount() {
        SessionFunnelState s = new SessionFunnelState();
        s.add("cart", t("2019-10-01T10:00:00Z"));
        s.add("view", t("2019-10-01T10:05:00Z"));

        assertThat(s.viewed()).isTrue();
        assertThat(s.firstCart()).isEqualTo(NONE);
        assertThat(purchased(s)).isFalse();
    }

    @Test
    void aCartAtTheSameMillisecondAsTheFirstViewCounts() {
        SessionFunnelState s = new SessionFunnelState();
        s.add("cart", t("2019-10-01T10:00:00Z"));
        s.add("view", t("2019-10-01T10:00:00Z"));

        assertThat(s.firstCart()).isEqualTo(t("2019-10-01T10:00:00Z"));
    }

    @Test
    void theFirstCartIsTheEarliestOneAtOrAfterTheFirstView() {
        SessionFunnelState s = new SessionFunnelState();
        s.add("view", t("2019-10-01T10:05:00Z"));
        s.add("cart", t("2019-10-01T10:30:00Z"));
        s.add("cart", t("2019-10-01T10:00:00Z")); // before the view: not a funnel step
        s.add("cart", t("2019-10-01T10:10:00Z"));

        assertThat(s.firstCart()).isEqualTo(t("2019-10-01T10:10:00Z"));
    }

    @Test
    void aLateArrivingEarlierViewMakesAnEarlierCartCount() {
        SessionFunnelState s = new SessionFunnelState();
        s.add("cart", t("2019-10-01T10:00:00Z"));
        s.add("view", t("2019-10-01T10:05:00Z"));
        s.add("cart", t("2019-10-01T10:20:00Z"));
        assertThat(s.firstCart()).isEqualTo(t("2019-10-01T10:20:00Z"));

        s.add("view", t("2019-10-01T09:55:00Z")); // arrives late, but happened first

        assertThat(s.firstView).isEqualTo(t("2019-10-01T09:55:00Z"));
        assertThat(s.firstCart()).isEqualTo(t("2019-10-01T10:00:00Z"));
    }

    @Test
    void aLateEarlierViewCanTurnAPurchaseIntoOneAfterTheCart() {
        SessionFunnelState s = new SessionFunnelState();
        s.add("cart", t("2019-10-01T10:00:00Z"));
        s.add("purchase", t("2019-10-01T10:02:00Z"));
        s.add("view", t("2019-10-01T10:05:00Z"));
        assertThat(purchased(s)).isFalse(); // the only cart is before the only view

        s.add("view", t("2019-10-01T09:59:00Z"));

        assertThat(s.firstCart()).isEqualTo(t("2019-10-01T10:00:00Z"));
        assertThat(purchased(s)).isTrue();
    }

    @Test
    void aPurchaseBeforeTheFirstCartDoesNotCount() {
        SessionFunnelState s = new SessionFunnelState();
        s.add("view", t("2019-10-01T10:00:00Z"));
        s.add("purchase", t("2019-10-01T10:01:00Z"));
        s.add("cart", t("2019-10-01T10:02:00Z"));

        assertThat(s.firstCart()).isEqualTo(t("2019-10-01T10:02:00Z"));
        assertThat(s.lastPurchase).isEqualTo(t("2019-10-01T10:01:00Z"));
        assertThat(purchased(s)).isFalse();
    }

    @Test
    void aPurchaseAtTheSameMillisecondAsTheFirstCartCounts() {
        SessionFunnelState s = new SessionFunnelState();
        s.add("view", t("2019-10-01T10:00:00Z"));
        s.add("cart", t("2019-10-01T10:02:00Z"));
        s.add("purchase", t("2019-10-01T10:02:00Z"));

        assertThat(purchased(s)).isTrue();
    }

    @Test
    void theLatestPurchaseIsKeptSoAnEarlierOneArrivingLateDoesNotUndoIt() {
        SessionFunnelState s = new SessionFunnelState();
        s.add("view", t("2019-10-01T10:00:00Z"));
        s.add("cart", t("2019-10-01T10:02:00Z"));
        s.add("purchase", t("2019-10-01T10:03:00Z"));
        s.add("purchase", t("2019-10-01T10:01:00Z"));

        assertThat(s.lastPurchase).isEqualTo(t("2019-10-01T10:03:00Z"));
        assertThat(purchased(s)).isTrue();
    }

    @Test
    void aPurchaseWithoutAnyCartIsNotAFunnelPurchase() {
        SessionFunnelState s = new SessionFunnelState();
        s.add("view", t("2019-10-01T10:00:00Z"));
        s.add("purchase", t("2019-10-01T10:01:00Z"));

        assertThat(s.firstCart()).isEqualTo(NONE);
        assertThat(purchased(s)).isFalse();
    }

    @Test
    void removeFromCartIsNotAFunnelStepButStillMovesTheLastEvent() {
        SessionFunnelState s = new SessionFunnelState();
        s.add("view", t("2019-10-01T10:00:00Z"));
        s.add("remove_from_cart", t("2019-10-01T10:01:00Z"));

        assertThat(s.carts).isEmpty();
        assertThat(s.firstCart()).isEqualTo(NONE);
        assertThat(s.lastPurchase).isEqualTo(NONE);
        assertThat(s.firstView).isEqualTo(t("2019-10-01T10:00:00Z"));
        assertThat(s.lastEvent).isEqualTo(t("2019-10-01T10:01:00Z"));
    }

    @Test
    void theLastEventIsTheLatestEventTimeNotTheLastArrival() {
        SessionFunnelState s = new SessionFunnelState();
        s.add("view", t("2019-10-01T10:10:00Z"));
        s.add("cart", t("2019-10-01T10:00:00Z"));

        assertThat(s.lastEvent).isEqualTo(t("2019-10-01T10:10:00Z"));
    }

    @Test
    void theHourFloorsTheFirstViewToItsUtcHour() {
        SessionFunnelState s = new SessionFunnelState();
        s.add("view", t("2019-10-01T10:59:59.999Z"));
        assertThat(s.hour()).isEqualTo(t("2019-10-01T10:00:00Z"));

        s.add("view", t("2019-10-01T09:00:00Z"));
        assertThat(s.hour()).isEqualTo(t("2019-10-01T09:00:00Z"));
    }

    @Test
    void theHourFloorsBeforeTheEpochToo() {
        SessionFunnelState s = new SessionFunnelState();
        s.add("view", t("1969-12-31T23:30:00Z"));

        assertThat(s.hour()).isEqualTo(t("1969-12-31T23:00:00Z"));
    }
}
