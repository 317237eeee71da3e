package dev.orrery.supervisor.internal;

import dev.orrery.supervisor.internal.toml.TomlNode;

/**
 * The value a setting has, and where it comes from.
 *
 * @param value  the value; {@code null} when it was written but is not valid, or when the setting has none
 * @param node   where it is written; {@code null} for a built-in default
 * @param source whether the table being checked wrote it, inherited it, or left it to the built-in default
 * @param valid  false when the value written is not valid, a problem having been reported for it
 * @param <T>    the Java value
 */
record Located<T>(T value, TomlNode node, Source source, boolean valid) {

    /** Where a value comes from, seen from the table being checked. */
    enum Source {
        /** The table itself writes it. */
        OWN,
        /** {@code [defaults]} writes it, and the service group being checked inherits it. */
        INHERITED,
        /** Nothing writes it: the built-in default. */
        BUILT_IN
    }

    /** Whether there is a valid value to compare with others. */
    boolean usable() {
        return valid && value != null;
    }

    /** The same value, seen from a table that inherits it. */
    Located<T> inherited() {
        return new Located<>(value, node, Source.INHERITED, valid);
    }
}
