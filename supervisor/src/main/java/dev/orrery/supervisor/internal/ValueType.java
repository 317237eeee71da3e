package dev.orrery.supervisor.internal;

import dev.orrery.supervisor.internal.toml.TomlNode;

/**
 * What one key of the config file accepts: it turns a TOML value into a Java value, or reports why it cannot.
 *
 * @param <T> the Java value
 */
interface ValueType<T> {

    /**
     * Reads a value.
     *
     * @param node     the value as written
     * @param problems where to report a value that is not valid
     * @return the value, or {@code null} when it is not valid, a problem having been reported
     */
    T parse(TomlNode node, Problems problems);

    /**
     * Writes a value back as a person would type it, for messages that quote a value.
     *
     * @param value a value this type returned, or a default
     * @return such as {@code 10s}, {@code 512MiB}, {@code 3}
     */
    default String format(T value) {
        return String.valueOf(value);
    }
}
