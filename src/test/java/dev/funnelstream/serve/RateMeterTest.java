package dev.funnelstream.serve;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The landing rate from samples at explicit nanoTime values: no clock involved. */
class RateMeterTest {
    private static final long SECOND = 1_000_000_000L;

    private long count;
    private final RateMeter meter = new RateMeter(() -> count);

    @Test
    void noRateBeforeTwoSamples() {
        assertThat(meter.perSecond()).isZero();

        sample(0, 500);

        assertThat(meter.perSecond()).isZero();
    }

    @Test
    void aCountGrowingAThousandASecondIsAThousandPerSecond() {
        for (int s = 0; s < 6; s++) {
            sample(s * SECOND, 1000L * s);
        }

        assertThat(meter.perSecond()).isCloseTo(1000.0, within(1e-9));
    }

    @Test
    void theRateSpansTheTimeBetweenSamplesNotTheirNumber() {
        sample(10 * SECOND, 0);
        sample(10 * SECOND + SECOND / 2, 250);

        assertThat(meter.perSecond()).isCloseTo(500.0, within(1e-9));
    }

    @Test
    void samplesAtTheSameInstantGiveNoRate() {
        sample(SECOND, 0);
        sample(SECOND, 100);

        assertThat(meter.perSecond()).isZero();
    }

    @Test
    void samplesOlderThanTheFiveSecondWindowAreDropped() {
        // A burst of 10,000/s for 3 seconds, then 1,000/s.
        for (int s = 0; s <= 3; s++) {
            sample(s * SECOND, 10_000L * s);
        }
        assertThat(meter.perSecond()).isCloseTo(10_000.0, within(1e-9));

        for (int s = 4; s <= 10; s++) {
            sample(s * SECOND, 30_000 + 1000L * (s - 3));
        }

        // Only seconds 5 to 10 are left: the burst no longer counts.
        assertThat(meter.perSecond()).isCloseTo(1000.0, within(1e-9));
    }

    @Test
    void aStoppedCountFallsToZeroOnceTheWindowHasPassed() {
        for (int s = 0; s <= 2; s++) {
            sample(s * SECOND, 1000L * s);
        }
        for (int s = 3; s <= 8; s++) {
            sample(s * SECOND, 2000);
        }

        assertThat(meter.perSecond()).isZero();
    }

    private void sample(long nanos, long countThen) {
        count = countThen;
        meter.sample(nanos);
    }
}
