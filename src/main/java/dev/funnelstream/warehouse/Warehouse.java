package dev.funnelstream.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The warehouse as the pipeline sees it: land a batch atomically with its consumer positions, read
 * those positions back, and open connections for plain-SQL reads. DuckDB is the default; the SQL
 * stays close to PostgreSQL so a server warehouse can implement the same interface.
 */
public interface Warehouse extends AutoCloseable {

    /** Lands the batch and the consumer's positions in one transaction: all of it or none. */
    void land(String consumer, RawBatch batch) throws SQLException;

    /**
     * Upserts (or deletes) the processed-layer rows of the batch and stores the consumer's positions,
     * in one transaction. Safe to call from another thread than {@link #land}: a separate writer.
     */
    void landAggregates(String consumer, AggregateBatch batch) throws SQLException;

    /** The positions the consumer has landed up to, as stored by {@link #land}. */
    List<RawBatch.Position> positions(String consumer) throws SQLException;

    /** Every row count stored by {@link #land}, each as last landed. */
    List<RawBatch.RowCount> rowCounts() throws SQLException;

    /** The positions the consumer has landed up to, as stored by {@link #landAggregates}. */
    List<RawBatch.Position> aggregatePositions(String consumer) throws SQLException;

    /** A connection of its own, in auto-commit, for reads and small bookkeeping writes; the caller closes it. */
    Connection connect() throws SQLException;

    @Override
    void close();
}
