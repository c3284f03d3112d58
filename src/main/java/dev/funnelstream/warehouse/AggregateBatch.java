package dev.funnelstream.warehouse;

import java.util.List;

/**
 * What the aggregate loader lands in one transaction: per aggregate, the latest value of each key
 * seen in the batch (a row to upsert) or its deletion, plus the consumer positions after the batch.
 *
 * @param changes   in the order they were read; at most one per aggregate and key
 */
public record AggregateBatch(List<Change> changes, List<RawBatch.Position> positions) {

    /**
     * One key's new state.
     *
     * @param aggregate the aggregate's name, e.g. {@code funnel_minute} (names its SQL files)
     * @param values    the row in the processed table's column order, without updated_at; null for a delete
     * @param key       the key columns' values, used for a delete
     */
    public record Change(String aggregate, Object[] key, Object[] values) {
        public boolean isDelete() {
            return values == null;
        }
    }
}
