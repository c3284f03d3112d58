package dev.funnelstream.generate;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** An inclusive range of calendar months, written "2019-10" or "2019-10..2020-04". */
public record MonthRange(YearMonth first, YearMonth last) {

    // Timestamps are formatted by hand with a four-digit year, so keep years inside that.
    private static final YearMonth EARLIEST = YearMonth.of(1970, 1);
    private static final YearMonth LATEST = YearMonth.of(9999, 12);

    public MonthRange {
        if (first == null || last == null) {
            throw new IllegalArgumentException("months range needs a first and a last month");
        }
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("months range " + first + ".." + last + " ends before it starts");
        }
        if (first.isBefore(EARLIEST) || last.isAfter(LATEST)) {
            throw new IllegalArgumentException("months must lie between 1970-01 and 9999-12, got " + first + ".." + last);
        }
    }

    /**
     * Parses "2019-10" (one month) or "2019-10..2020-04" (both ends inclusive).
     *
     * @throws IllegalArgumentException with a one-line message when the text is not such a range
     */
    public static MonthRange parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("months must look like 2019-10 or 2019-10..2020-04, got nothing");
        }
        String trimmed = text.strip();
        int dots = trimmed.indexOf("..");
        String firstText = dots < 0 ? trimmed : trimmed.substring(0, dots).strip();
        String lastText = dots < 0 ? trimmed : trimmed.substring(dots + 2).strip();
        return new MonthRange(month(firstText, text), month(lastText, text));
    }

    private static YearMonth month(String part, String whole) {
        // YearMonth.parse would accept "+12019-10"; insist on the plain yyyy-MM form.
        if (!part.matches("\\d{4}-\\d{2}")) {
            throw new IllegalArgumentException(
                    "months must look like 2019-10 or 2019-10..2020-04, got '" + whole.strip() + "'");
        }
        try {
            return YearMonth.parse(part);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + part + "' is not a month (yyyy-MM with MM from 01 to 12)", e);
        }
    }

    /** The months in order, first to last. */
    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** First second of the range, UTC epoch seconds. */
    public long startEpochSecond() {
        return first.atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    }

    /** First second after the range, UTC epoch seconds. */
    public long endEpochSecond() {
        return last.plusMonths(1).atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    }

    /** Always "first..last", even for one month, so names built from it stay stable. */
    @Override
    public String toString() {
        return first + ".." + last;
    }
}
