package dev.funnelstream.serve;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FrontServerTest {
    @Test
    void oneQuestionIsOneQueryWhateverTheParametersOrder() {
        Map<String, List<String>> asked = new LinkedHashMap<>();
        asked.put("to", List.of("2019-10-31"));
        asked.put("from", List.of("2019-10-01"));
        Map<String, List<String>> reordered = new LinkedHashMap<>();
        reordered.put("from", List.of("2019-10-01"));
        reordered.put("to", List.of("2019-10-31"));

        assertThat(FrontServer.query(asked)).isEqualTo("?from=2019-10-01&to=2019-10-31")
                .isEqualTo(FrontServer.query(reordered));
    }

    @Test
    void theFrontsOwnTokenIsNotPassedOnAndValuesAreEncoded() {
        Map<String, List<String>> asked = new LinkedHashMap<>();
        asked.put("token", List.of("s3cret"));
        asked.put("category", List.of("home & garden"));
        asked.put("from", List.of("2019-10-01 10:00"));

        assertThat(FrontServer.query(asked)).isEqualTo("?category=home+%26+garden&from=2019-10-01+10%3A00");
        assertThat(FrontServer.query(Map.of("token", List.of("s3cret")))).isEmpty();
    }
}
