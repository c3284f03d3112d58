package dev.funnelstream.stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuarantineRecordTest {

    @Test
    void recordReadsBackEqual() {
        QuarantineRecord record = new QuarantineRecord("data/2019-Oct.csv.gz", 42, 43, "bad_price",
                "price is 'NaN'", "2019-10-01 00:00:00 UTC,view,1,2,,,NaN,3,s");

        assertThat(QuarantineRecord.fromJson(record.toJson())).isEqualTo(record);
    }

    @Test
    void recordWithoutDetailOrTextReadsBackEqual() {
        QuarantineRecord record = new QuarantineRecord("f.csv", 1, 1, "line_too_long", null, null);

        assertThat(QuarantineRecord.fromJson(record.toJson())).isEqualTo(record);
    }

    @Test
    void rawLineWithQuotesNewlinesAndNonAsciiReadsBackExactly() {
        String raw = "\"a\"\"\nb\",caf\u00e9,\uFFFD,\\,\t\u0000," + "x".repeat(5000);
        QuarantineRecord record = new QuarantineRecord("f.csv", 9, 11, "field_count", "expected 9 fields, found 4",
                raw);

        assertThat(QuarantineRecord.fromJson(record.toJson()).rawLine()).isEqualTo(raw);
    }

    @Test
    void jsonUsesSnakeCaseNames() {
        String json = new String(new QuarantineRecord("f.csv", 3, 4, "bad_id", "d", "r").toJson(), UTF_8);

        assertThat(json).contains("\"source\":\"f.csv\"", "\"row\":3", "\"line\":4", "\"reason\":\"bad_id\"",
                "\"detail\":\"d\"", "\"raw_line\":\"r\"");
        assertThat(json).doesNotContain("rawLine");
    }

    @Test
    void recordWithoutAReasonIsRefused() {
        byte[] json = "{\"source\":\"f.csv\",\"row\":1,\"line\":1}".getBytes(UTF_8);

        assertThatThrownBy(() -> QuarantineRecord.fromJson(json)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[1,2]", "{\"row\":\"many\",\"reason\":\"bad_id\"}"})
    void textThatIsNotAQuarantineRecordIsRefused(String json) {
        assertThatThrownBy(() -> QuarantineRecord.fromJson(json.getBytes(UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
