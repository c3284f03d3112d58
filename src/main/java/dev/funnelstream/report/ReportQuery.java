package dev.funnelstream.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * What a report is asked for: a period whose ends are each an inclusive UTC day or an inclusive
 * instant (only the live reports take instants), a row limit, a category or brand (each null when
 * not given).
 */
public record ReportQuery(LocalDate from, LocalDate to, Integer limit, String category, String brand,
                          Instant fromTime, Instant toTime) {
    /** More rows than a person or a chart can use; a larger limit is a mistake, not a wish. */
    public static final int MAX_LIMIT = 10_000;
    /** The times a period may name: what DuckDB's TIMESTAMPTZ holds, with room to spare. */
    private static final Instant FIRST_TIME = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST_TIME = Instant.parse("9999-12-31T23:59:59.999999Z");
    /** What a category code or brand is made of in the data; anything else is a mistake (or an attack). */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} ._&+-]{1,100}");
    private static final Pattern FOUR_DIGIT_YEAR = Pattern.compile("\\d{4}-");
    /** A time with hours and minutes but no seconds, with or without an offset. */
    private static final Pattern TO_THE_MINUTE =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})?");

    public ReportQuery {
        if ((from != null && fromTime != null) || (to != null && toTime != null)) {
            throw new IllegalArgumentException("a period end is a day or a time, not both");
        }
        if (backwards(from, fromTime, to, toTime)) {
            throw new IllegalArgumentException("--from " + Bound.shown(from, fromTime) + " is after --to "
                    + Bound.shown(to, toTime));
        }
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new IllegalArgumentException("--limit must be between 1 and " + MAX_LIMIT);
        }
        checkName(category, "category");
        checkName(brand, "brand");
    }

    private static void checkName(String value, String option) {
        if (value != null && (!NAME.matcher(value).matches() || value.contains("--"))) {
            throw new IllegalArgumentException("--" + option + " must be a " + option
                    + " name: up to 100 letters, digits, spaces and . _ & + -");
        }
    }

    /** A query over whole days, as every batch report takes. */
    public ReportQuery(LocalDate from, LocalDate to, Integer limit, String category, String brand) {
        this(from, to, limit, category, brand, null, null);
    }

    /** A query whose period ends are each a day, a time or null (open). */
    public static ReportQuery between(Bound from, Bound to, Integer limit, String category, String brand) {
        return new ReportQuery(from == null ? null : from.day(), to == null ? null : to.day(), limit, category, brand,
                from == null ? null : from.time(), to == null ? null : to.time());
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
            return LocalDate.parse(fourDigitYear(text.strip()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a date: expected YYYY-MM-DD");
        }
    }

    /**
     * A {@code YYYY-MM-DD} day, a UTC time {@code YYYY-MM-DD HH:MM[:SS]} or an ISO-8601 instant
     * ({@code 2019-10-01T10:00:00Z}, an offset, or none for UTC); null for null or blank; anything
     * else is an IllegalArgumentException.
     */
    public static Bound bound(String text, String option) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip();
        try {
            fourDigitYear(s);
            return s.length() == 10 ? new Bound(LocalDate.parse(s), null) : new Bound(null, instant(s));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + text
                    + "' is not a date or time: expected YYYY-MM-DD, 'YYYY-MM-DD HH:MM' (UTC) or an ISO-8601 instant");
        }
    }

    /**
     * The text, if it starts with a four-digit year: Java also reads {@code +10000-01-01}, a day
     * the warehouse cannot hold (its dates stop at 9999), so that is refused as a typo here.
     */
    private static String fourDigitYear(String s) {
        if (!FOUR_DIGIT_YEAR.matcher(s).lookingAt()) {
            throw new DateTimeParseException("not a four-digit year", s, 0);
        }
        return s;
    }

    /**
     * The end of a period, read as {@link #bound}, where a time written to the minute
     * ({@code YYYY-MM-DD HH:MM}, no seconds) covers that whole minute, as a day covers the whole day:
     * so {@code --to "2019-10-01 02:27"} takes the events of 02:27:xx in every live report.
     */
    public static Bound endBound(String text, String option) {
        Bound b = bound(text, option);
        if (b == null || b.time() == null || !TO_THE_MINUTE.matcher(text.strip()).matches()) {
            return b;
        }
        return new Bound(null, b.time().plus(1, ChronoUnit.MINUTES).minus(1, ChronoUnit.MICROS));
    }

    public ReportQuery withLimit(Integer newLimit) {
        return new ReportQuery(from, to, newLimit, category, brand, fromTime, toTime);
    }

    /** True when the query asks for a period, or for a category and a brand together. */
    boolean needsRawEvents() {
        return from != null || to != null || (category != null && brand != null);
    }

    /** Whether an end of the period is a time rather than a whole day. */
    boolean hasTimes() {
        return fromTime != null || toTime != null;
    }

    String fromText() {
        return from == null ? null : from.toString();
    }

    String toText() {
        return to == null ? null : to.toString();
    }

    /** The period's first instant (UTC midnight of {@code from}, or {@code fromTime}), or null. */
    OffsetDateTime startAt() {
        return from != null ? midnight(from) : utc(fromTime);
    }

    /** The instant just after the period when it ends with a day (UTC midnight after {@code to}), or null. */
    OffsetDateTime endBefore() {
        return to == null ? null : midnight(to.plusDays(1));
    }

    /** The period's last instant when it ends with a time ({@code toTime}, inclusive), or null. */
    OffsetDateTime endAt() {
        return utc(toTime);
    }

    /**
     * The latest instant the period reaches: the midnight after {@code to} for a day (a window ending
     * then holds that day's last hour, nothing of the next day), {@code toTime} for a time, or null.
     */
    public OffsetDateTime upTo() {
        return endBefore() != null ? endBefore() : endAt();
    }

    private static boolean backwards(LocalDate from, Instant fromTime, LocalDate to, Instant toTime) {
        Instant start = from != null ? midnight(from).toInstant() : fromTime;
        if (start == null) {
            return false;
        }
        if (to != null) {
            return !start.isBefore(midnight(to.plusDays(1)).toInstant());
        }
        return toTime != null && start.isAfter(toTime);
    }

    private static Instant instant(String s) {
        String iso = s.replace(' ', 'T');
        Instant t;
        try {
            t = OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException noOffset) {
            t = LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        }
        if (t.isBefore(FIRST_TIME) || t.isAfter(LAST_TIME)) {
            throw new DateTimeParseException("outside the years 1 to 9999", s, 0);
        }
        // DuckDB keeps microseconds; cutting finer digits changes no comparison with a stored time.
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime midnight(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    /** One end of a period as given: a whole UTC day or an instant (exactly one is non-null). */
    public record Bound(LocalDate day, Instant time) {
        /** The end as text the HTTP API reads back: {@code YYYY-MM-DD} or an ISO-8601 instant. */
        static String text(LocalDate day, Instant time) {
            return day != null ? day.toString() : String.valueOf(time);
        }

        /**
         * The end as a user wrote it, for messages: a day, or a UTC time to the minute (a minute's
         * end, as {@link #endBound} makes it, is that minute) or to the second.
         */
        static String shown(LocalDate day, Instant time) {
            if (day != null) {
                return day.toString();
            }
            Instant next = time.plus(1, ChronoUnit.MICROS);
            Instant t = next.truncatedTo(ChronoUnit.MINUTES).equals(next) ? next.minus(1, ChronoUnit.MINUTES) : time;
            String pattern = t.getEpochSecond() % 60 == 0 && t.getNano() == 0 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss";
            return DateTimeFormatter.ofPattern(pattern).withZone(ZoneOffset.UTC).format(t);
        }
    }
}
