package dev.funnelstream.process;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** FunnelJob's interval literal text for the watermark delay. */
class FunnelJobTest {

    @Test
    void dayToSecondFormatsDurationsAsIntervalLiterals() {
        assertThat(FunnelJob.dayToSecond(Duration.ofMinutes(5))).isEqualTo("0 00:05:00.000");
        assertThat(FunnelJob.dayToSecond(Duration.ofSeconds(90))).isEqualTo("0 00:01:30.000");
        assertThat(FunnelJob.dayToSecond(Duration.ofDays(1).plusHours(2))).isEqualTo("1 02:00:00.000");
        assertThat(FunnelJob.dayToSecond(Duration.ofMillis(1_250))).isEqualTo("0 00:00:01.250");
        assertThat(FunnelJob.dayToSecond(Duration.ZERO)).isEqualTo("0 00:00:00.000");
    }
}
