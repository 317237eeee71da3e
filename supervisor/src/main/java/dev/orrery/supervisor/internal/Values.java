package dev.orrery.supervisor.internal;

import dev.orrery.supervisor.internal.Located.Source;
import dev.orrery.supervisor.internal.toml.TomlNode;
import java.util.HashMap;
import java.util.Map;

/**
 * The values of the settings of one table: as one table writes them ({@link #read}), or as a service group
 * gets them once its own, the inherited and the built-in values are combined ({@link #resolve}).
 */
final class Values {
    private final Map<Setting<?>, Located<?>> located = new HashMap<>();

    private Values() {
    }

    /** No values at all: a table that is not in the file. */
    static Values none() {
        return new Values();
    }

    /**
     * Reads the settings a table writes, reporting unknown keys and values that are not valid.
     *
     * @param table    the table
     * @param section  the keys it may hold
     * @param problems where problems go
     * @return the values it writes, valid or not
     */
    static Values read(TomlNode.Table table, Section section, Problems problems) {
        Values values = new Values();
        values.readInto(table, section, problems);
        return values;
    }

    private void readInto(TomlNode.Table table, Section section, Problems problems) {
        table.entries().forEach((key, node) -> {
            Setting<?> setting = section.settings().get(key);
            Section nested = section.nested().get(key);
            if (setting != null) {
                put(setting, node, problems);
            } else if (nested != null && node instanceof TomlNode.Table nestedTable) {
                readInto(nestedTable, nested, problems);
            } else if (nested != null) {
                problems.invalid(node, "must be a table, such as [" + node.path() + "]");
            } else if (section.misplaced().containsKey(key)) {
                problems.at(node, node.path() + ": " + section.misplaced().get(key));
            } else {
                problems.unknownKey(node, key, section.keys());
            }
        });
    }

    private <T> void put(Setting<T> setting, TomlNode node, Problems problems) {
        T value = setting.type().parse(node, problems);
        located.put(setting, new Located<>(value, node, Source.OWN, value != null));
    }

    /**
     * The values a table gets: its own, else those it inherits, else the built-in defaults. A setting that
     * merges combines its own value with the inherited one.
     *
     * @param section   every setting to resolve
     * @param own       what the table writes
     * @param inherited what it inherits, perhaps {@link #none()}
     * @return a value for every setting of the section
     */
    static Values resolve(Section section, Values own, Values inherited) {
        Values resolved = new Values();
        for (Setting<?> setting : section.allSettings()) {
            resolved.located.put(setting, resolveOne(setting, own, inherited));
        }
        return resolved;
    }

    private static <T> Located<T> resolveOne(Setting<T> setting, Values own, Values inherited) {
        Located<T> mine = own.find(setting);
        Located<T> theirs = inherited.find(setting);
        if (mine != null && theirs != null && setting.merge() != null && mine.usable() && theirs.usable()) {
            T merged = setting.merge().apply(theirs.value(), mine.value());
            return new Located<>(merged, mine.node(), Source.OWN, true);
        }
        if (mine != null) {
            return mine;
        }
        if (theirs != null) {
            return theirs.inherited();
        }
        return new Located<>(setting.defaultValue(), null, Source.BUILT_IN, true);
    }

    /**
     * A setting's value.
     *
     * @return the value and where it comes from, or {@code null} when this table does not write it
     */
    <T> Located<T> find(Setting<T> setting) {
        @SuppressWarnings("unchecked") // put() and resolve() store a Located<T> under each Setting<T>, nothing else
        Located<T> value = (Located<T>) located.get(setting);
        return value;
    }

    /** A resolved setting's value and where it comes from; never null once resolved. */
    <T> Located<T> get(Setting<T> setting) {
        Located<T> value = find(setting);
        if (value == null) {
            throw new IllegalStateException(setting + " was not resolved");
        }
        return value;
    }

    /** A resolved setting's value. */
    <T> T value(Setting<T> setting) {
        return get(setting).value();
    }

    /** Whether the table writes a setting, validly or not. */
    boolean has(Setting<?> setting) {
        return located.containsKey(setting);
    }
}
