package dev.funnelstream.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PacerTest {

    private static final Instant T0 = Instant.parse("2019-10-01T00:00:00Z");
    private static final long NOW = 5_000_000_000L;
    private static final long SECOND = 1_000_000_000L;

    private final List<Long> sleeps = new ArrayList<>();

    @Test
    void atASteadyRateTheNthEventIsDueNOverTheRateSecondsAfterTheFirstWhateverItsTime() {
        Pacer pacer = pacer(Speed.parse("4/s"));

        assertThat(pacer.delayNanos(T0.plusSeconds(3600), NOW)).isZero();
        assertThat(pacer.delayNanos(T0, NOW)).isEqualTo(SECOND / 4);
        assertThat(pacer.delayNanos(null, NOW)).isEqualTo(2 * SECOND / 4);
        assertThat(pacer.delayNanos(T0.plusSeconds(1), NOW + SECOND / 2)).isEqualTo(SECOND / 4);
        assertThat(pacer.delayNanos(T0, NOW + 2 * SECOND)).isZero();
    }

    @Test
    void firstEventIsDueAtOnce() {
        assertThat(pacer(Speed.parse("60")).delayNanos(T0, NOW)).isZero();
    }

    @Test
    void atSpeed60AMinuteOfShopTimeIsASecondOfWallTime() {
        Pacer pacer = pacer(Speed.parse("60"));
        pacer.delayNanos(T0, NOW);

        assertThat(pacer.delayNanos(T0.plusSeconds(60), NOW)).isEqualTo(SECOND);
    }

    @Test
    void delayShrinksAsWallTimePasses() {
        Pacer pacer = pacer(Speed.parse("60"));
        pacer.delayNanos(T0, NOW);

        assertThat(pacer.delayNanos(T0.plusSeconds(60), NOW + 400_000_000L)).isEqualTo(600_000_000L);
        assertThat(pacer.delayNanos(T0.plusSeconds(60), NOW + SECOND)).isZero();
        assertThat(pacer.delayNanos(T0.plusSeconds(60), NOW + 3 * SECOND)).isZero();
    }

    @Test
    void eventsAreTimedFromTheFirstEventNotFromTheLastOne() {
        Pacer pacer = pacer(Speed.parse("60"));
        pacer.delayNanos(T0, NOW);
        pacer.delayNanos(T0.plusSeconds(60), NOW + SECOND);

        assertThat(pacer.delayNanos(T0.plusSeconds(120), NOW + SECOND)).isEqualTo(SECOND);
    }

    @Test
    void atSpeedOneHalfASecondOfShopTimeTakesTwoSeconds() {
        Pacer pacer = pacer(Speed.parse("0.5"));
        pacer.delayNanos(T0, NOW);

        assertThat(pacer.delayNanos(T0.plusSeconds(1), NOW)).isEqualTo(2 * SECOND);
    }

    @Test
    void millisecondsOfShopTimeCount() {
        Pacer pacer = pacer(Speed.parse("1"));
        pacer.delayNanos(T0, NOW);

        assertThat(pacer.delayNanos(T0.plusMillis(250), NOW)).isEqualTo(250_000_000L);
    }

    @Test
    void atMaxSpeedNothingWaits() {
        Pacer pacer = pacer(Speed.MAX);

        assertThat(pacer.delayNanos(T0, NOW)).isZero();
        assertThat(pacer.delayNanos(T0.plusSeconds(86_400), NOW)).isZero();
        assertThat(pacer.delayNanos(T0.plusSeconds(365L * 86_400), NOW + 1)).isZero();
    }

    @Test
    void eventEarlierThanOnesAlreadySentIsDueAtOnce() {
        Pacer pacer = pacer(Speed.parse("60"));
        pacer.delayNanos(T0, NOW);
        pacer.delayNanos(T0.plusSeconds(600), NOW);

        assertThat(pacer.delayNanos(T0.minusSeconds(3600), NOW)).isZero();
        assertThat(pacer.delayNanos(T0.plusSeconds(300), NOW + 5 * SECOND)).isZero();
    }

    @Test
    void eventWithoutATimeIsDueAtOnceAndDoesNotMoveTheClock() {
        Pacer pacer = pacer(Speed.parse("60"));

        assertThat(pacer.delayNanos(null, NOW)).isZero();
        pacer.delayNanos(T0, NOW);
        assertThat(pacer.delayNanos(null, NOW)).isZero();
        assertThat(pacer.delayNanos(T0.plusSeconds(60), NOW)).isEqualTo(SECOND);
    }

    @Test
    void awaitSleepsUntilTheEventIsDue() throws InterruptedException {
        Pacer pacer = pacer(Speed.parse("1"));

        pacer.await(T0);
        pacer.await(T0.plusSeconds(10));

        assertThat(sleeps).singleElement().satisfies(nanos ->
                assertThat(nanos).isBetween(9 * SECOND, 10 * SECOND));
    }

    @Test
    void awaitDoesNotSleepForLessThanAMillisecond() throws InterruptedException {
        Pacer pacer = pacer(Speed.parse("1000000"));

        pacer.await(T0);
        pacer.await(T0.plusMillis(500)); // due half a microsecond later

        assertThat(sleeps).isEmpty();
    }

    @Test
    void awaitAtMaxSpeedNeverSleeps() throws InterruptedException {
        Pacer pacer = pacer(Speed.MAX);

        pacer.await(T0);
        pacer.await(T0.plusSeconds(3600));

        assertThat(sleeps).isEmpty();
    }

    private Pacer pacer(Speed speed) {
        return new Pacer(speed, sleeps::add);
    }
}
