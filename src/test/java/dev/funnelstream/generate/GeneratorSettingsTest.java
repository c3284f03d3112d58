package dev.funnelstream.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeneratorSettingsTest {

    @Test
    void parsesARangeOfMonths() {
        MonthRange range = GeneratorSettings.parseMonths("2019-10..2020-04");

        assertThat(range.first()).isEqualTo(YearMonth.of(2019, 10));
        assertThat(range.last()).isEqualTo(YearMonth.of(2020, 4));
        assertThat(range.months()).hasSize(7);
        assertThat(range).hasToString("2019-10..2020-04");
    }

    @Test
    void parsesASingleMonthAsARangeOfOne() {
        MonthRange range = GeneratorSettings.parseMonths(" 2019-10 ");

        assertThat(range.first()).isEqualTo(YearMonth.of(2019, 10));
        assertThat(range.last()).isEqualTo(YearMonth.of(2019, 10));
        assertThat(range).hasToString("2019-10..2019-10");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "2019", "2019-1", "10-2019", "2019-10..", "..2019-10", "2019-10..2020",
            "2019-10-01", "2019/10", "+12019-10", "2019-10...2019-11", "oct"})
    void rejectsTextThatIsNotAMonthRange(String text) {
        assertThatThrownBy(() -> GeneratorSettings.parseMonths(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("months must look like 2019-10 or 2019-10..2020-04")
                .hasMessageNotContaining("\n");
    }

    @Test
    void rejectsAMonthThatDoesNotExist() {
        assertThatThrownBy(() -> GeneratorSettings.parseMonths("2019-13"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'2019-13' is not a month (yyyy-MM with MM from 01 to 12)");
    }

    @Test
    void rejectsARangeThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> GeneratorSettings.parseMonths("2020-04..2019-10"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("months range 2020-04..2019-10 ends before it starts");
    }

    @Test
    void rejectsNegativeEvents() {
        assertThatThrownBy(() -> GeneratorSettings.of(-1, "2019-10", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("events must be 0 or more, got -1");
    }

    @Test
    void buildsSettingsFromMonthText() {
        GeneratorSettings settings = GeneratorSettings.of(1000, "2019-11..2019-12", 7);

        assertThat(settings).isEqualTo(new GeneratorSettings(1000, YearMonth.of(2019, 11), YearMonth.of(2019, 12), 7));
        assertThat(settings.months().months()).containsExactly(YearMonth.of(2019, 11), YearMonth.of(2019, 12));
    }
}
