package dev.funnelstream.cli;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a run recorded in run.json is asked. */
class RunningRunTest {

    @Test
    void aRunOnAnIpv6AddressIsAskedInBrackets() {
        assertThat(RunningRun.base(Map.of("host", "::1", "port", 18090))).contains("http://[::1]:18090");
    }

    @Test
    void aRunOnEveryAddressIsAskedOverLoopback() {
        assertThat(RunningRun.base(Map.of("host", "0.0.0.0", "port", 8080))).contains("http://127.0.0.1:8080");
        assertThat(RunningRun.base(Map.of("host", "::", "port", 8080))).contains("http://127.0.0.1:8080");
    }

    @Test
    void aRunJsonWithoutAPortIsNoRun() {
        assertThat(RunningRun.base(Map.of("host", "127.0.0.1"))).isEmpty();
    }
}
