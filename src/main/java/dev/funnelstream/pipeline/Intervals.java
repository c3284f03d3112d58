package dev.funnelstream.pipeline;

import java.time.Duration;

/** Parses intervals as people write them: {@code 3h}, {@code 30m}, {@code 45s}, {@code 1d}. */
public final class Intervals {
    private Intervals() {
    }

    public static Duration parse(String text) {
        String t = text.trim().toLowerCase();
        if (t.length() >= 2) {
            char unit = t.charAt(t.length() - 1);
            try {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                if (n > 0) {
                    switch (unit) {
                        case 's': return Duration.ofSeconds(n);
                        case 'm': return Duration.ofMinutes(n);
                        case 'h': return Duration.ofHours(n);
                        case 'd': return Duration.ofDays(n);
                        default: break;
                    }
                }
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
        }
        throw new IllegalArgumentException("an interval looks like 45s, 30m, 3h or 1d, got '" + text + "'");
    }
}
