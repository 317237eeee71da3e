package dev.orrery.supervisor.internal;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as the config file writes them: a whole number and a unit, such as {@code 500ms}, {@code 10s}. */
final class Durations {
    /** The form, for messages. */
    static final String FORM = "a whole number and one of the units ms, s, m, h, such as \"10s\"";

    private static final Pattern DURATION = Pattern.compile("([0-9]{1,18})(ms|s|m|h)");

    private Durations() {
    }

    /**
     * Reads a duration.
     *
     * @param text such as {@code 1500ms}
     * @return the duration
     * @throws IllegalArgumentException when the text is not of that form; the message says what is
     */
    static Duration parse(String text) {
        Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("must be a duration: " + FORM);
        }
        long amount = Long.parseLong(matcher.group(1));
        try {
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("is too long a duration", e);
        }
    }

    /**
     * Writes a duration in the largest unit that holds it exactly.
     *
     * @param duration a duration of whole milliseconds
     * @return such as {@code 1m}, {@code 90s}, {@code 1500ms}
     */
    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis != 0 && millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis != 0 && millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
