package dev.orrery.console;

import dev.orrery.OrreryException;
import dev.orrery.Status;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads query parameters, and says what would be valid when one is not. */
final class Params {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)");

    private Params() {
    }

    /**
     * A whole-number parameter within bounds.
     *
     * @param request  the request
     * @param name     the parameter
     * @param fallback its value when absent
     * @param min      the least valid value
     * @param max      the greatest valid value
     * @return the value
     * @throws OrreryException {@link Status#INVALID_ARGUMENT} when it is not a whole number within the bounds
     */
    static int integer(Request request, String name, int fallback, int min, int max) {
        Optional<String> text = request.param(name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.get().strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, with the valid range
        }
        throw new OrreryException(Status.INVALID_ARGUMENT, name + " must be a whole number from " + min + " to "
                + max + ", such as ?" + name + "=" + fallback + "; got '" + text.get() + "'");
    }

    /**
     * A duration parameter, such as {@code 500ms}, {@code 5s} or {@code 2m}.
     *
     * @param request  the request
     * @param name     the parameter
     * @param fallback its value when absent
     * @param max      the longest valid value
     * @return the value
     * @throws OrreryException {@link Status#INVALID_ARGUMENT} when it is not such a duration, or is zero or too long
     */
    static Duration duration(Request request, String name, Duration fallback, Duration max) {
        Optional<String> text = request.param(name);
        if (text.isEmpty()) {
            return fallback;
        }
        Matcher matcher = DURATION.matcher(text.get().strip());
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            Duration value = switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMinutes(amount);
            };
            if (!value.isZero() && value.compareTo(max) <= 0) {
                return value;
            }
        }
        throw new OrreryException(Status.INVALID_ARGUMENT, name + " must be a duration such as 500ms, 5s or 2m, "
                + "longer than zero and at most " + max.toSeconds() + "s; got '" + text.get() + "'");
    }

    /**
     * An optional text parameter; an empty value counts as absent.
     *
     * @param request the request
     * @param name    the parameter
     * @return its value, or {@code null}
     */
    static String optional(Request request, String name) {
        return request.param(name).filter(value -> !value.isBlank()).orElse(null);
    }
}
