package dev.funnelstream.serve;

/**
 * What a run feeding the server knows beyond the warehouse: how much it has landed, how far behind
 * it is, how old the streaming job's last checkpoint is. {@link #AT_REST} for a data dir no run is
 * feeding.
 */
public interface LiveFeed {
    /** A feed for a warehouse nothing is writing to: nothing streams, nothing lags. */
    LiveFeed AT_REST = new LiveFeed() {
        @Override
        public boolean streaming() {
            return false;
        }

        @Override
        public long recordsLanded() {
            return 0;
        }

        @Override
        public Long loaderLag() {
            return null;
        }

        @Override
        public Double freshnessSeconds() {
            return null;
        }

        @Override
        public Double checkpointAgeSeconds() {
            return null;
        }
    };

    /** Whether a run is replaying into this warehouse now. */
    boolean streaming();

    /** Records (events, duplicates and quarantined rows) the loader has landed in this process. */
    long recordsLanded();

    /** Records on Kafka not landed yet; null when unknown. */
    Long loaderLag();

    /** Seconds the landed data is behind what was written to Kafka; null when unknown. */
    Double freshnessSeconds();

    /** Seconds since the streaming job's newest checkpoint; null when there is none. */
    Double checkpointAgeSeconds();
}
