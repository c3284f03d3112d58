package dev.funnelstream.stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

class ReplayProgressTest {

    @Test
    void startHasReadNothing() {
        assertThat(ReplayProgress.start("f.csv"))
                .isEqualTo(new ReplayProgress("f.csv", 0, 0, 0, false, null));
    }

    @Test
    void startReadsBackEqual() {
        ReplayProgress start = ReplayProgress.start("data/2019-Oct.csv.gz");

        assertThat(ReplayProgress.fromJson(start.toJson())).isEqualTo(start);
    }

    @Test
    void finishedProgressReadsBackEqual() {
        ReplayProgress done = new ReplayProgress("data/2019-Oct.csv.gz", 42_448_764L, 40_000_000L, 2_448_764L,
                true, null);

        assertThat(ReplayProgress.fromJson(done.toJson())).isEqualTo(done);
    }

    @Test
    void stoppedProgressKeepsItsError() {
        ReplayProgress stopped = new ReplayProgress("f.csv", 10, 9, 1, false, "input ended inside a quoted field");

        assertThat(ReplayProgress.fromJson(stopped.toJson())).isEqualTo(stopped);
    }

    @Test
    void jsonNamesTheSixValues() {
        String json = new String(new ReplayProgress("f.csv", 3, 2, 1, true, "e").toJson(), UTF_8);

        assertThat(json).contains("\"source\":\"f.csv\"", "\"position\":3", "\"replayed\":2", "\"skipped\":1",
                "\"complete\":true", "\"error\":\"e\"");
    }

    @Test
    void theRowsATransactionPutInEachPartitionRoundTrip() {
        ReplayProgress p = new ReplayProgress("f.csv", 10, 9, 1, false, null)
                .withRows(Map.of(Topics.RAW, Map.of(0, 120L, 3, 7L), Topics.QUARANTINE, Map.of(0, 2L)));

        ReplayProgress read = ReplayProgress.fromJson(p.toJson());

        assertThat(read).isEqualTo(p);
        assertThat(read.rows().get(Topics.RAW)).containsEntry(3, 7L);
    }

    @Test
    void aRecordOfAnEarlierVersionHasNoRowCounts() {
        byte[] json = ("{\"source\":\"f\",\"position\":3,\"replayed\":2,\"skipped\":1,\"complete\":true,"
                + "\"error\":null}").getBytes(UTF_8);

        assertThat(ReplayProgress.fromJson(json).rows()).isNull();
        ReplayProgress empty = new ReplayProgress("f", 1, 1, 0, false, null).withRows(Map.of());
        assertThat(ReplayProgress.fromJson(empty.toJson()).rows()).as("a transaction without rows").isEmpty();
    }

    @Test
    void progressWithoutASourceIsRefused() {
        byte[] json = "{\"position\":3,\"replayed\":2,\"skipped\":1,\"complete\":true}".getBytes(UTF_8);

        assertThatThrownBy(() -> ReplayProgress.fromJson(json)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[]", "{\"source\":\"f\",\"position\":\"far\"}"})
    void textThatIsNotProgressIsRefused(String json) {
        assertThatThrownBy(() -> ReplayProgress.fromJson(json.getBytes(UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
