package dev.funnelstream.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class DaySamplerTest {

    private static final Instant OCT_1 = Instant.parse("2019-10-01T00:00:00Z");
    private static final Instant OCT_2 = Instant.parse("2019-10-02T00:00:00Z");

    @Test
    void takesTheFirstRowsOfEachDay() {
        DaySampler sampler = new DaySampler(2);

        assertThat(takes(sampler, OCT_1, OCT_1.plusSeconds(1), OCT_1.plusSeconds(2), OCT_1.plusSeconds(86_399)))
                .containsExactly(true, true, false, false);
    }

    @Test
    void countStartsAgainOnTheNextUtcDay() {
        DaySampler sampler = new DaySampler(2);

        assertThat(takes(sampler, OCT_1, OCT_1, OCT_1, OCT_2, OCT_2.plusSeconds(5), OCT_2.plusSeconds(6)))
                .containsExactly(true, true, false, true, true, false);
    }

    @Test
    void daysAreUtcDays() {
        DaySampler sampler = new DaySampler(1);

        assertThat(takes(sampler, OCT_2.minusSeconds(1), OCT_2))
                .containsExactly(true, true);
    }

    @Test
    void zeroMeansEveryRow() {
        DaySampler sampler = new DaySampler(0);

        assertThat(takes(sampler, OCT_1, OCT_1, OCT_1, null, OCT_2)).containsOnly(true);
    }

    @Test
    void rowWithoutATimeCountsAgainstTheCurrentDay() {
        DaySampler sampler = new DaySampler(2);

        assertThat(takes(sampler, OCT_1, null, OCT_1, OCT_2, null, null))
                .containsExactly(true, true, false, true, true, false);
    }

    @Test
    void rowWithoutATimeBeforeAnyDayIsTakenWhileThereIsRoom() {
        DaySampler sampler = new DaySampler(1);

        assertThat(takes(sampler, null, null, OCT_1)).containsExactly(true, false, true);
    }

    @Test
    void timesBefore1970FallOnTheirOwnDay() {
        DaySampler sampler = new DaySampler(1);
        Instant dec31 = Instant.parse("1969-12-31T23:59:59Z");

        assertThat(takes(sampler, dec31, dec31.plusSeconds(1))).containsExactly(true, true);
    }

    private static List<Boolean> takes(DaySampler sampler, Instant... times) {
        List<Boolean> taken = new ArrayList<>();
        for (Instant t : times) {
            taken.add(sampler.take(t));
        }
        return taken;
    }
}
