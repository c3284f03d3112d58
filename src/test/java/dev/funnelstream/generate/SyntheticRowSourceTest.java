package dev.funnelstream.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.funnelstream.read.Columns;
import dev.funnelstream.read.RawRow;
import org.junit.jupiter.api.Test;

class SyntheticRowSourceTest {

    @Test
    void isNamedAfterItsSettings() {
        try (SyntheticRowSource source = new SyntheticRowSource(GeneratorSettings.of(1000, "2019-10", 42))) {
            assertThat(source.name()).isEqualTo("synthetic:seed=42,events=1000,months=2019-10..2019-10");
        }
        assertThat(SyntheticRowSource.name(GeneratorSettings.of(5, "2019-10..2020-04", -3)))
                .isEqualTo("synthetic:seed=-3,events=5,months=2019-10..2020-04");
    }

    @Test
    void yieldsNumberedRowsWithTheirLineAndFields() {
        GeneratorSettings settings = GeneratorSettings.of(1000, "2019-10", 42);
        SyntheticShop shop = new SyntheticShop(settings);
        try (SyntheticRowSource source = new SyntheticRowSource(settings)) {
            long expected = 0;
            RawRow row;
            while ((row = source.next()) != null) {
                expected++;
                assertThat(shop.next()).isTrue();
                assertThat(row.source()).isEqualTo(source.name());
                assertThat(row.row()).isEqualTo(expected);
                assertThat(row.line()).isEqualTo(expected);
                assertThat(row.rawLine()).isEqualTo(shop.line());
                assertThat(row.fields()).hasSize(Columns.COUNT).containsExactly(shop.fields());
                assertThat(row.readProblem()).isNull();
            }
            assertThat(expected).isEqualTo(1000);
            assertThat(source.next()).isNull();
        }
    }
}
