package dev.funnelstream.generate;

import dev.funnelstream.read.RawRow;
import dev.funnelstream.read.RowSource;

/** The synthetic shop as a {@link RowSource}, so every stage can run without the real files. */
public final class SyntheticRowSource implements RowSource {
    private final SyntheticShop shop;
    private final String name;

    public SyntheticRowSource(GeneratorSettings settings) {
        this.shop = new SyntheticShop(settings);
        this.name = name(settings);
    }

    /** "synthetic:seed=S,events=N,months=A..B": the same name means the same rows. */
    public static String name(GeneratorSettings settings) {
        return "synthetic:seed=" + settings.seed() + ",events=" + settings.events() + ",months=" + settings.months();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RawRow next() {
        if (!shop.next()) {
            return null;
        }
        long n = shop.ordinal();
        return new RawRow(name, n, n, shop.line(), shop.fields(), null);
    }

    @Override
    public void close() {
        // Nothing to release: the rows are computed, not read.
    }
}
