package dev.funnelstream.validate;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Writes event times the one way every stage after validation expects them. */
public final class EventTimes {
    private EventTimes() {
    }

    /** {@code YYYY-MM-DDTHH:MM:SSZ}, with a fraction only when the instant has one. */
    public static String isoUtc(Instant t) {
        if (t.getNano() != 0) {
            return t.toString();
        }
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
        char[] c = new char[20];
        digits(c, 0, d.getYear(), 4);
        c[4] = '-';
        digits(c, 5, d.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, d.getDayOfMonth(), 2);
        c[10] = 'T';
        digits(c, 11, d.getHour(), 2);
        c[13] = ':';
        digits(c, 14, d.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, d.getSecond(), 2);
        c[19] = 'Z';
        return new String(c);
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

}
