package dev.funnelstream.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Durations as typed on the command line. */
class DurationTextTest {

    @Test
    void eachUnit() {
        assertThat(DurationText.parse("300ms", "--watermark-delay")).isEqualTo(Duration.ofMillis(300));
        assertThat(DurationText.parse("5s", "--watermark-delay")).isEqualTo(Duration.ofSeconds(5));
        assertThat(DurationText.parse("5m", "--watermark-delay")).isEqualTo(Duration.ofMinutes(5));
        assertThat(DurationText.parse("1h", "--watermark-delay")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void zeroSpacesAroundAndBetweenAndLeadingZeros() {
        assertThat(DurationText.parse("0s", "--x")).isEqualTo(Duration.ZERO);
        assertThat(DurationText.parse("  10 m ", "--x")).isEqualTo(Duration.ofMinutes(10));
        assertThat(DurationText.parse("007ms", "--x")).isEqualTo(Duration.ofMillis(7));
        assertThat(DurationText.parse("999999999h", "--x")).isEqualTo(Duration.ofHours(999_999_999));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "5", "ms", "5 minutes", "5M", "1.5s", "-5s", "5d", "5sec", "1h30m", "1234567890s", "PT5S"})
    void badTextIsAUserErrorNamingTheOption(String text) {
        assertThatThrownBy(() -> DurationText.parse(text, "--watermark-delay"))
                .isInstanceOf(UserException.class)
                .hasMessageStartingWith("--watermark-delay '" + text + "'")
                .hasMessageContaining("is not a duration")
                .hasMessageContaining("5s");
    }
}
