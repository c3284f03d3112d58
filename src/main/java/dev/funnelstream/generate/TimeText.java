package dev.funnelstream.generate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Formats epoch seconds as "2019-10-01 00:00:00 UTC" by hand, keeping the date part per day: a
 * formatter per row would cost more than generating the row.
 */
final class TimeText {
    static final int LENGTH = 23;

    private final byte[] bytes = " 0000-00-00 00:00:00 UTC".substring(1).getBytes(StandardCharsets.US_ASCII);
    private long day = Long.MIN_VALUE;
    private long second = Long.MIN_VALUE;
    private String text;

    /** The text of {@code epochSecond} in a shared buffer, valid until the next call. */
    byte[] bytes(long epochSecond) {
        if (epochSecond != second) {
            second = epochSecond;
            text = null;
            long d = Math.floorDiv(epochSecond, 86_400L);
            if (d != day) {
                day = d;
                LocalDate date = LocalDate.ofEpochDay(d);
                digits(0, date.getYear(), 4);
                digits(5, date.getMonthValue(), 2);
                digits(8, date.getDayOfMonth(), 2);
            }
            int secondOfDay = (int) (epochSecond - d * 86_400L);
            digits(11, secondOfDay / 3600, 2);
            digits(14, secondOfDay / 60 % 60, 2);
            digits(17, secondOfDay % 60, 2);
        }
        return bytes;
    }

    /** The text of the last second formatted, as a String. */
    String text() {
        if (text == null) {
            text = new String(bytes, StandardCharsets.US_ASCII);
        }
        return text;
    }

    private void digits(int at, int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            bytes[at + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
