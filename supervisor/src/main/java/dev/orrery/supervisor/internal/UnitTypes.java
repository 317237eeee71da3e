package dev.orrery.supervisor.internal;

import dev.orrery.supervisor.internal.toml.TomlNode;
import java.time.Duration;
import java.util.function.Function;

/** Durations and sizes, written as strings with a unit. */
final class UnitTypes {

    private UnitTypes() {
    }

    /** A duration from {@code min} to {@code max}. */
    static ValueType<Duration> duration(Duration min, Duration max) {
        return withUnit("a duration in quotes: " + Durations.FORM, Durations::parse, Durations::format, min, max);
    }

    /** A size in bytes of at least {@code min}. */
    static ValueType<Long> size(long min) {
        return withUnit("a size in quotes: " + Sizes.FORM, Sizes::parse, Sizes::format, min, null);
    }

    /**
     * A quoted number with its unit, within bounds.
     *
     * @param what   what it must be, for the message of a value that is not a string
     * @param parse  reads the text, throwing {@link IllegalArgumentException} with the reason when it cannot
     * @param format writes a value as it would be written in the file
     * @param min    the smallest valid value
     * @param max    the largest valid value, or {@code null} for no bound
     */
    private static <T extends Comparable<T>> ValueType<T> withUnit(String what, Function<String, T> parse,
            Function<T, String> format, T min, T max) {
        return new ValueType<>() {
            @Override
            public T parse(TomlNode node, Problems problems) {
                if (!(node instanceof TomlNode.Text text)) {
                    problems.invalid(node, "must be " + what);
                    return null;
                }
                T value;
                try {
                    value = parse.apply(text.value());
                } catch (IllegalArgumentException e) {
                    problems.invalid(node, e.getMessage());
                    return null;
                }
                if (value.compareTo(min) < 0 || max != null && value.compareTo(max) > 0) {
                    problems.invalid(node, max == null ? "must be at least " + format(min)
                            : "must be from " + format(min) + " to " + format(max));
                    return null;
                }
                return value;
            }

            @Override
            public String format(T value) {
                return format.apply(value);
            }
        };
    }
}
