package dev.funnelstream.report;

import dev.funnelstream.report.ReportTable.Column;
import dev.funnelstream.warehouse.SqlFiles;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Runs the report SQL files under {@code warehouse/report/}, user values always as JDBC parameters. */
final class ReportSql {
    private ReportSql() {
    }

    /** Every row of the file's query as a table of the given columns, in the query's order. */
    static ReportTable table(Connection c, ReportName name, String file, List<Column> columns, Object... params)
            throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, file, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>(columns.size());
                for (int i = 0; i < columns.size(); i++) {
                    row.add(columns.get(i).kind().normalize(rs.getObject(i + 1)));
                }
                rows.add(row);
            }
        }
        return new ReportTable(name.slug(), columns, rows);
    }

    /** The first row of the file's query as whole numbers, e.g. the sessions at each funnel step. */
    static long[] counts(Connection c, String file, int n, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, file, params); ResultSet rs = ps.executeQuery()) {
            rs.next();
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                out[i] = rs.getLong(i + 1);
            }
            return out;
        }
    }

    /** User values only ever reach the SQL as JDBC parameters. */
    static PreparedStatement prepare(Connection c, String file, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(SqlFiles.load("report/" + file));
        try {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }
}
