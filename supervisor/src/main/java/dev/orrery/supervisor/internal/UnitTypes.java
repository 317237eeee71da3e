package dev.orrery.supervisor.internal;

import dev.orrery.supervisor.internal.toml.TomlNode;
import java.time.Duration;

/** Durations and sizes, written as strings with a unit. */
final class UnitTypes {

    private UnitTypes() {
    }

    /** A duration from {@code min} to {@code max}. */
    static ValueType<Duration> duration(Duration min, Duration max) {
        return new ValueType<>() {
            @Override
            public Duration parse(TomlNode node, Problems problems) {
                if (!(node instanceof TomlNode.Text text)) {
                    problems.invalid(node, "must be a duration in quotes: " + Durations.FORM);
                    return null;
                }
                try {
                    Duration value = Durations.parse(text.value());
                    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                        problems.invalid(node, "must be from " + format(min) + " to " + format(max));
                        return null;
                    }
                    return value;
                } catch (IllegalArgumentException e) {
                    problems.invalid(node, e.getMessage());
                    return null;
                }
            }

            @Override
            public String format(Duration value) {
                return Durations.format(value);
            }
        };
    }

    /** A size in bytes of at least {@code min}. */
    static ValueType<Long> size(long min) {
        return new ValueType<>() {
            @Override
            public Long parse(TomlNode node, Problems problems) {
                if (!(node instanceof TomlNode.Text text)) {
                    problems.invalid(node, "must be a size in quotes: " + Sizes.FORM);
                    return null;
                }
                try {
                    long value = Sizes.parse(text.value());
                    if (value < min) {
                        problems.invalid(node, "must be at least " + format(min));
                        return null;
                    }
                    return value;
                } catch (IllegalArgumentException e) {
                    problems.invalid(node, e.getMessage());
                    return null;
                }
            }

            @Override
            public String format(Long value) {
                return Sizes.format(value);
            }
        };
    }
}
