package dev.funnelstream.serve;

/** A {@link LiveFeed} whose answers a test sets: what a run would report to the server. */
final class TestFeed implements LiveFeed {
    volatile boolean streaming;
    volatile long recordsLanded;
    volatile Long loaderLag;
    volatile Double freshnessSeconds;
    volatile Double checkpointAgeSeconds;

    @Override
    public boolean streaming() {
        return streaming;
    }

    @Override
    public long recordsLanded() {
        return recordsLanded;
    }

    @Override
    public Long loaderLag() {
        return loaderLag;
    }

    @Override
    public Double freshnessSeconds() {
        return freshnessSeconds;
    }

    @Override
    public Double checkpointAgeSeconds() {
        return checkpointAgeSeconds;
    }
}
