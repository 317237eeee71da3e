package dev.orrery.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads durations as people write them, {@code 250ms}, {@code 5s}, {@code 2m} or {@code 1h}, or in ISO-8601. */
final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern SHORT = Pattern.compile("(\\d{1,12})(ms|s|m|h)");

    @Override
    public Duration convert(String text) {
        Matcher matcher = SHORT.matcher(text.trim());
        Duration duration;
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            duration = switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        } else {
            duration = iso(text);
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new TypeConversionException("'" + text + "' is not a positive duration");
        }
        return duration;
    }

    private static Duration iso(String text) {
        try {
            return Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            TypeConversionException error = new TypeConversionException(
                    "'" + text + "' is not a duration; write it like 500ms, 5s, 2m or 1h");
            error.initCause(e);
            throw error;
        }
    }
}
