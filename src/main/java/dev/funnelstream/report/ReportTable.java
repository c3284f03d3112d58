package dev.funnelstream.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/** A report's result: named, typed columns and rows of plain values (String, Long, BigDecimal or null). */
public record ReportTable(String name, List<Column> columns, List<List<Object>> rows) {

    /** How a column's values are kept and printed. */
    public enum Kind {
        /** Text as is. */
        TEXT,
        /** A whole number. */
        COUNT,
        /** Money: exactly 2 decimals. */
        MONEY,
        /** A ratio between 0 and 1: 4 decimals. */
        RATE,
        /** A UTC day, YYYY-MM-DD. */
        DAY,
        /** A UTC month, YYYY-MM. */
        MONTH,
        /** A move up a ranking (previous rank minus rank): a whole number; none when the entry is new to it. */
        RANK_CHANGE;

        /** The value in this column's plain form, whatever JDBC or JSON gave. */
        public Object normalize(Object value) {
            if (value == null) {
                return null;
            }
            return switch (this) {
                case TEXT -> value.toString();
                case COUNT, RANK_CHANGE -> ((Number) value).longValue();
                case MONEY -> decimal(value).setScale(2, RoundingMode.HALF_UP);
                case RATE -> decimal(value).setScale(4, RoundingMode.HALF_UP);
                case DAY -> value.toString();
                case MONTH -> value instanceof LocalDate d ? d.toString().substring(0, 7) : value.toString();
            };
        }

        public boolean numeric() {
            return this == COUNT || this == MONEY || this == RATE || this == RANK_CHANGE;
        }

        /** How the aligned table shows no value in this column. */
        public String noValue() {
            return this == RANK_CHANGE ? "new" : "-";
        }

        private static BigDecimal decimal(Object value) {
            if (value instanceof BigDecimal d) {
                return d;
            }
            if (value instanceof Double || value instanceof Float) {
                return BigDecimal.valueOf(((Number) value).doubleValue());
            }
            return new BigDecimal(value.toString());
        }
    }

    /** A column: its name in CSV headers and JSON keys, and its kind. */
    public record Column(String name, Kind kind) {
    }
}
