package dev.orrery.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads durations as people write them: {@code 500ms}, {@code 10s}, {@code 1.5s}, {@code 1m}, {@code 2h}. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s|m|h)");

    /** Creates the converter; picocli calls it for every {@link Duration} option that names it. */
    public DurationConverter() {
    }

    @Override
    public Duration convert(String value) {
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /**
     * Parses a number and a unit ({@code ns}, {@code us}, {@code ms}, {@code s}, {@code m}, {@code h}), or an
     * ISO-8601 duration such as {@code PT10S}.
     *
     * @param text such as {@code 500ms}
     * @return the duration, never negative
     * @throws IllegalArgumentException when the text is not a duration; the message shows the accepted forms
     */
    public static Duration parse(String text) {
        String trimmed = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (trimmed.startsWith("pt")) {
            try {
                Duration iso = Duration.parse(trimmed);
                if (!iso.isNegative()) {
                    return iso;
                }
            } catch (DateTimeParseException e) {
                throw invalid(text, e);
            }
            throw invalid(text, null);
        }
        Matcher matcher = FORM.matcher(trimmed);
        if (!matcher.matches()) {
            throw invalid(text, null);
        }
        long unitNanos = switch (matcher.group(2)) {
            case "ns" -> 1L;
            case "us", "µs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
        };
        try {
            long nanos = new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(unitNanos))
                    .setScale(0, RoundingMode.HALF_UP).longValueExact();
            return Duration.ofNanos(nanos);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("duration '" + text + "' is too long", e);
        }
    }

    /**
     * Writes a duration back in the short form that {@link #parse} reads, such as {@code 3s} or {@code 500ms}.
     *
     * @param duration the duration
     * @return its short form
     */
    public static String format(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos % 60_000_000_000L == 0 && nanos != 0) {
            return nanos / 60_000_000_000L + "m";
        }
        if (nanos % 1_000_000_000L == 0) {
            return nanos / 1_000_000_000L + "s";
        }
        if (nanos % 1_000_000L == 0) {
            return nanos / 1_000_000L + "ms";
        }
        return nanos + "ns";
    }

    private static IllegalArgumentException invalid(String text, Exception cause) {
        return new IllegalArgumentException("invalid duration '" + text
                + "': use a number and a unit (ns, us, ms, s, m, h) such as 500ms, 10s or 1m", cause);
    }
}
