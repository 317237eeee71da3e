package dev.orrery.supervisor.internal;

import java.util.function.BinaryOperator;

/**
 * One key of the config file: its name, what it accepts and its built-in default. Settings are compared by
 * identity, so that two sections may each have a {@code port}.
 *
 * @param <T> the Java value
 */
final class Setting<T> {
    private final String key;
    private final T defaultValue;
    private final ValueType<T> type;
    private final BinaryOperator<T> merge;

    private Setting(String key, T defaultValue, ValueType<T> type, BinaryOperator<T> merge) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.type = type;
        this.merge = merge;
    }

    /** A setting with a built-in default; {@code null} when leaving it out means "none". */
    static <T> Setting<T> of(String key, T defaultValue, ValueType<T> type) {
        return new Setting<>(key, defaultValue, type, null);
    }

    /**
     * A setting whose value in a service group is combined with the inherited one, instead of replacing it.
     *
     * @param merge takes the inherited value and the group's own, and returns what the group gets
     */
    static <T> Setting<T> merged(String key, T defaultValue, ValueType<T> type, BinaryOperator<T> merge) {
        return new Setting<>(key, defaultValue, type, merge);
    }

    String key() {
        return key;
    }

    T defaultValue() {
        return defaultValue;
    }

    ValueType<T> type() {
        return type;
    }

    /** How a group's own value combines with the inherited one, or {@code null} when it replaces it. */
    BinaryOperator<T> merge() {
        return merge;
    }

    String format(T value) {
        return type.format(value);
    }

    @Override
    public String toString() {
        return key;
    }
}
