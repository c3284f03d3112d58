package dev.funnelstream.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them: {@code 300ms}, {@code 5s}, {@code 5m}, {@code 1h}. */
final class DurationText {
    private static final Pattern TEXT = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)");

    private DurationText() {
    }

    /** {@code --watermark-delay}: a duration under 100 days (what the job's SQL interval can hold). */
    static Duration watermarkDelay(String text) {
        Duration d = parse(text, "--watermark-delay");
        if (d.toDays() >= 100) {
            throw new UserException("--watermark-delay must be under 100 days");
        }
        return d;
    }

    /** The duration, or a UserException naming the option. */
    static Duration parse(String text, String option) {
        Matcher m = TEXT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new UserException(option + " '" + text + "' is not a duration: expected e.g. 500ms, 5s, 5m or 1h");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }
}
