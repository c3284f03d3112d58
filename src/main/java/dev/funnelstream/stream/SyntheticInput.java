package dev.funnelstream.stream;

import dev.funnelstream.generate.GeneratorSettings;
import dev.funnelstream.generate.SyntheticRowSource;
import dev.funnelstream.read.RowSource;

/** The synthetic shop as a replay input, streamed as it is generated. */
public record SyntheticInput(GeneratorSettings shop) implements ReplayInput {

    @Override
    public String name() {
        return SyntheticRowSource.name(shop);
    }

    @Override
    public RowSource open() {
        return new SyntheticRowSource(shop);
    }

    @Override
    public long expectedRows() {
        return shop.events();
    }
}
