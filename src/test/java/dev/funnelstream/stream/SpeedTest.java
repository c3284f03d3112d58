package dev.funnelstream.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpeedTest {

    @ParameterizedTest
    @ValueSource(strings = {"max", "MAX", "Max", " max "})
    void maxIsAsFastAsPossible(String text) {
        Speed speed = Speed.parse(text);

        assertThat(speed.isMax()).isTrue();
        assertThat(speed).hasToString("max");
    }

    @Test
    void wholeNumberIsAFactor() {
        Speed speed = Speed.parse("60");

        assertThat(speed.isMax()).isFalse();
        assertThat(speed.factor()).isEqualTo(60.0);
        assertThat(speed).hasToString("60x");
    }

    @Test
    void fractionSlowsShopTimeDown() {
        Speed speed = Speed.parse("0.5");

        assertThat(speed.factor()).isEqualTo(0.5);
        assertThat(speed).hasToString("0.5x");
    }

    @Test
    void surroundingSpacesAreIgnored() {
        assertThat(Speed.parse(" 60 ")).isEqualTo(Speed.parse("60"));
    }

    @Test
    void aNumberPerSecondIsASteadyRate() {
        Speed speed = Speed.parse("10000/s");

        assertThat(speed.isRate()).isTrue();
        assertThat(speed.isMax()).isFalse();
        assertThat(speed.eventsPerSecond()).isEqualTo(10_000.0);
        assertThat(speed).hasToString("10000/s");
        assertThat(Speed.parse(" 2.5 /s")).hasToString("2.5/s");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.0", "-1", "-0.5", "abc", "", " ", "NaN", "60x", "fast", "0/s", "-5/s", "/s",
            "x/s", "Infinity/s", "NaN/s"})
    void anythingElseIsRefused(String text) {
        assertThatThrownBy(() -> Speed.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("speed must be 'max', a number above 0 (times shop time) or a number of"
                        + " events per second such as '10000/s'")
                .hasMessageEndingWith("got '" + text + "'");
    }
}
