package dev.funnelstream.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SqlFilesTest {

    @Test
    void layersMigrationIsOneStatementPerSchema() {
        assertThat(SqlFiles.statements("migrations/V001__layers.sql")).containsExactly(
                "CREATE SCHEMA IF NOT EXISTS raw;",
                "CREATE SCHEMA IF NOT EXISTS processed;",
                "CREATE SCHEMA IF NOT EXISTS reporting;",
                "CREATE SCHEMA IF NOT EXISTS pipeline;");
    }

    @Test
    void rawMigrationIsItsCreateTableStatements() {
        List<String> statements = SqlFiles.statements("migrations/V002__raw.sql");

        assertThat(statements).extracting(s -> s.substring(0, s.indexOf('(')).strip()).containsExactly(
                "CREATE TABLE raw.events",
                "CREATE TABLE raw.duplicates",
                "CREATE TABLE raw.quarantine",
                "CREATE TABLE pipeline.consumer_offsets",
                "CREATE TABLE pipeline.replay_sources",
                "CREATE TABLE pipeline.loader_lag");
        assertThat(statements).allSatisfy(s -> assertThat(s).endsWith(");").containsOnlyOnce(";"));
    }

    @Test
    void wholeLineCommentsAndBlankLinesAreDropped() {
        List<String> statements = SqlFiles.statements("migrations/V002__raw.sql");

        assertThat(statements).allSatisfy(s -> {
            assertThat(s.lines()).noneMatch(line -> line.strip().startsWith("--"));
            assertThat(s.lines()).noneMatch(String::isBlank);
        });
        assertThat(String.join("\n", statements)).doesNotContain("Every valid event once");
    }

    @Test
    void statementKeepsAllItsLines() {
        String events = SqlFiles.statements("migrations/V002__raw.sql").get(0);

        assertThat(events.lines()).hasSize(15);
        assertThat(events).contains("price           DECIMAL(18, 6) NOT NULL,", "loaded_at       TIMESTAMPTZ    NOT NULL");
    }

    @Test
    void everyMigrationInTheIndexHasStatements() {
        List<String> names = Arrays.stream(SqlFiles.load("migrations/index.txt").split("\n"))
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();

        assertThat(names).containsExactly("V001__layers.sql", "V002__raw.sql", "V003__reporting.sql", "V004__pipeline_runs.sql",
                "V005__processed.sql", "V006__trending_slides.sql", "V007__transform_state.sql",
                "V008__temp_stages.sql", "V009__processed_views.sql",
                "V010__session_hashes.sql", "V011__row_counts.sql");
        assertThat(names).allSatisfy(name -> assertThat(SqlFiles.statements("migrations/" + name)).isNotEmpty());
        List<String> live = Arrays.stream(SqlFiles.load("migrations/live/index.txt").split("\n"))
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
        assertThat(live).containsExactly("L001__processed.sql");
        assertThat(live).allSatisfy(name -> assertThat(SqlFiles.statements("migrations/live/" + name)).isNotEmpty());
    }

    @Test
    void loadGivesTheFileTextAsIs() {
        assertThat(SqlFiles.load("migrations/V001__layers.sql"))
                .startsWith("-- The warehouse's layers")
                .endsWith("CREATE SCHEMA IF NOT EXISTS pipeline;\n");
    }

    @Test
    void missingFileIsAnError() {
        assertThatThrownBy(() -> SqlFiles.statements("migrations/V999__nothing.sql"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/warehouse/migrations/V999__nothing.sql");
    }

    @Test
    void placeholdersAreFilledInOnePassAndAValueIsNeverReadForPlaceholders() {
        String sql = SqlFiles.statements("land/select_offsets.sql", Map.of("pipeline", "x${pipeline}'y")).get(0);

        assertThat(sql).isEqualTo("SELECT topic, kafka_partition, next_offset\nFROM x${pipeline}''y.consumer_offsets\n"
                + "WHERE consumer = ?;");
    }

    @Test
    void aPlaceholderWithoutAValueIsAnError() {
        assertThatThrownBy(() -> SqlFiles.statements("land/select_offsets.sql", Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("${pipeline}").hasMessageContaining("land/select_offsets.sql");
    }
}
