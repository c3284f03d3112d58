package dev.funnelstream.validate;

import dev.funnelstream.read.Columns;
import dev.funnelstream.read.RawRow;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The one rule set that decides whether a row is an event. The first rule that fails names the
 * quarantine reason, in this order: the row's text (too long, bad encoding), field count, event
 * time, event type, ids, price.
 */
public final class EventValidator {

    /** Prices must fit the warehouse's DECIMAL(18,6) exactly, so no value is silently rounded. */
    static final int MAX_PRICE_INTEGER_DIGITS = 12;
    static final int MAX_PRICE_DECIMALS = 6;

    private EventValidator() {
    }

    /** Validates one row as read by a reader. */
    public static Validation validate(RawRow row) {
        if (row.readProblem() != null) {
            QuarantineReason reason = QuarantineReason.fromWireName(row.readProblem());
            String detail = reason == QuarantineReason.LINE_TOO_LONG
                    ? "row longer than 1 MiB" : "row is not valid UTF-8";
            return new Validation.Rejected(reason, detail);
        }
        Validation v = validate(row.fields());
        if (v instanceof Validation.Rejected r && r.reason() == QuarantineReason.FIELD_COUNT) {
            return withLineSpan(r, row);
        }
        return v;
    }

    /**
     * A quoted field may hold line breaks (RFC 4180), so a quote never closed takes the lines after it
     * into its row: the reason says so when the row runs over several lines, or the user looks for a
     * missing comma.
     */
    private static Validation.Rejected withLineSpan(Validation.Rejected r, RawRow row) {
        String text = row.rawLine() == null ? "" : row.rawLine().stripTrailing(); // a file's last line break
        long lines = text.chars().filter(ch -> ch == '\n').count() + 1;
        if (lines == 1) {
            return r;
        }
        return new Validation.Rejected(r.reason(), r.detail() + "; the row runs over " + lines
                + " lines from line " + row.line() + ": is a quote not closed?");
    }

    /** Validates nine trimmed fields (null for empty) in {@link Columns} order. */
    public static Validation validate(String[] f) {
        if (f == null || f.length != Columns.COUNT) {
            int n = f == null ? 0 : f.length;
            return new Validation.Rejected(QuarantineReason.FIELD_COUNT,
                    "expected " + Columns.COUNT + " fields, found " + n);
        }
        Instant time = parseEventTime(f[Columns.EVENT_TIME]);
        if (time == null) {
            return rejected(QuarantineReason.BAD_EVENT_TIME, "event_time", f[Columns.EVENT_TIME]);
        }
        EventType type = EventType.fromWireName(f[Columns.EVENT_TYPE]);
        if (type == null) {
            return rejected(QuarantineReason.BAD_EVENT_TYPE, "event_type", f[Columns.EVENT_TYPE]);
        }
        long productId = parseId(f[Columns.PRODUCT_ID]);
        if (productId < 0) {
            return rejected(QuarantineReason.BAD_ID, "product_id", f[Columns.PRODUCT_ID]);
        }
        long categoryId = parseId(f[Columns.CATEGORY_ID]);
        if (categoryId < 0) {
            return rejected(QuarantineReason.BAD_ID, "category_id", f[Columns.CATEGORY_ID]);
        }
        long userId = parseId(f[Columns.USER_ID]);
        if (userId < 0) {
            return rejected(QuarantineReason.BAD_ID, "user_id", f[Columns.USER_ID]);
        }
        BigDecimal price = parsePrice(f[Columns.PRICE]);
        if (price == null) {
            return rejected(QuarantineReason.BAD_PRICE, "price", f[Columns.PRICE]);
        }
        return new Validation.Valid(new RawEvent(time, type, productId, categoryId,
                f[Columns.CATEGORY_CODE], f[Columns.BRAND], price, userId, f[Columns.USER_SESSION]));
    }

    private static Validation rejected(QuarantineReason reason, String field, String value) {
        String shown = value == null ? "empty" : "'" + abbreviate(value) + "'";
        return new Validation.Rejected(reason, field + " is " + shown);
    }

    private static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "...";
    }

    /**
     * {@code YYYY-MM-DD HH:MM:SS UTC} (the REES46 form, parsed by hand because it is on the hot
     * path) or an ISO-8601 date-time with an offset; null when neither, or when the date is
     * impossible.
     */
    public static Instant parseEventTime(String s) {
        if (s == null) {
            return null;
        }
        Instant t = null;
        if (s.length() == 23 && s.endsWith(" UTC")) {
            t = parseFixedTime(s, ' ');
        } else if (s.length() == 20 && s.charAt(19) == 'Z') {
            t = parseFixedTime(s, 'T'); // the form written to Kafka, parsed by hand for speed
        } else if (s.indexOf('T') == 10) {
            try {
                t = OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        // Four-digit UTC years only: every later stage writes the time as YYYY-MM-DDTHH:MM:SSZ.
        return t == null || t.isBefore(MIN_TIME) || t.isAfter(MAX_TIME) ? null : t;
    }

    private static final Instant MIN_TIME = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant MAX_TIME = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /** {@code YYYY-MM-DD?HH:MM:SS} with the given separator, as UTC; null when malformed. */
    private static Instant parseFixedTime(String s, char separator) {
        if (s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != separator
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null; // month 13, February 30, hour 24 ...
        }
    }

    /** The decimal value of s[from, to), or -1 when a character is not an ASCII digit. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** A non-negative integer below 2^63 written with ASCII digits only; -1 otherwise. */
    public static long parseId(String s) {
        if (s == null || s.isEmpty() || s.length() > 19) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            int digit = c - '0';
            if (value > (Long.MAX_VALUE - digit) / 10) {
                return -1; // 2^63 or more
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** A plain non-negative decimal ({@code 12}, {@code 12.5}, {@code 0.00}) that fits DECIMAL(18,6); null otherwise. */
    public static BigDecimal parsePrice(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        int dot = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' && dot < 0) {
                dot = i;
            } else if (c < '0' || c > '9') {
                return null;
            }
        }
        int integerDigits = dot < 0 ? s.length() : dot;
        int decimals = dot < 0 ? 0 : s.length() - dot - 1;
        if (integerDigits == 0 || (dot >= 0 && decimals == 0)) {
            return null; // ".5" and "12." are not plain decimals
        }
        BigDecimal price = new BigDecimal(s);
        BigDecimal canonical = RawEvent.canonicalPrice(price);
        if (canonical.scale() > MAX_PRICE_DECIMALS
                || canonical.precision() - canonical.scale() > MAX_PRICE_INTEGER_DIGITS) {
            return null;
        }
        return price;
    }
}
