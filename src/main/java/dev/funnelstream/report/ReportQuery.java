package dev.funnelstream.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * What a report is asked for: an inclusive period of UTC days, a row limit, a category or brand
 * (each null when not given).
 */
public record ReportQuery(LocalDate from, LocalDate to, Integer limit, String category, String brand) {
    /** More rows than a person or a chart can use; a larger limit is a mistake, not a wish. */
    public static final int MAX_LIMIT = 10_000;

    public ReportQuery {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("--from " + from + " is after --to " + to);
        }
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new IllegalArgumentException("--limit must be between 1 and " + MAX_LIMIT);
        }
    }

    public static ReportQuery all() {
        return new ReportQuery(null, null, null, null, null);
    }

    /** A {@code YYYY-MM-DD} day, or null for null or blank; anything else is an IllegalArgumentException. */
    public static LocalDate day(String text, String option) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a date: expected YYYY-MM-DD");
        }
    }

    public ReportQuery withLimit(Integer newLimit) {
        return new ReportQuery(from, to, newLimit, category, brand);
    }

    /** True when the query asks for a period, or for a category and a brand together. */
    boolean needsRawEvents() {
        return from != null || to != null || (category != null && brand != null);
    }

    String fromText() {
        return from == null ? null : from.toString();
    }

    String toText() {
        return to == null ? null : to.toString();
    }

    /** The period's first instant (UTC midnight of {@code from}), or null. */
    OffsetDateTime startAt() {
        return from == null ? null : from.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    /** The instant just after the period (UTC midnight after {@code to}), or null. */
    OffsetDateTime endBefore() {
        return to == null ? null : to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
