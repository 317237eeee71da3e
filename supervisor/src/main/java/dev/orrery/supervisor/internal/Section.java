package dev.orrery.supervisor.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys that one table of the config file may hold: settings, and tables nested in it such as
 * {@code scale}, each with a section of its own.
 *
 * @param settings   the settings, by key, in the order the documentation lists them
 * @param nested     the nested tables, by key
 * @param misplaced  keys that belong elsewhere, with the message that says where
 */
record Section(Map<String, Setting<?>> settings, Map<String, Section> nested, Map<String, String> misplaced) {

    /** Makes the maps unmodifiable, keeping their order. */
    Section {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        nested = Collections.unmodifiableMap(new LinkedHashMap<>(nested));
        misplaced = Map.copyOf(misplaced);
    }

    /** A section of settings only. */
    static Section of(Setting<?>... settings) {
        Map<String, Setting<?>> byKey = new LinkedHashMap<>();
        for (Setting<?> setting : settings) {
            byKey.put(setting.key(), setting);
        }
        return new Section(byKey, Map.of(), Map.of());
    }

    /** This section with a nested table. */
    Section with(String key, Section section) {
        Map<String, Section> more = new LinkedHashMap<>(nested);
        more.put(key, section);
        return new Section(settings, more, misplaced);
    }

    /** This section without a setting, which is reported with a message of its own if written here. */
    Section without(Setting<?> setting, String message) {
        Map<String, Setting<?>> fewer = new LinkedHashMap<>(settings);
        fewer.remove(setting.key());
        Map<String, String> moved = new LinkedHashMap<>(misplaced);
        moved.put(setting.key(), message);
        return new Section(fewer, nested, moved);
    }

    /** Every key valid in this table, for "did you mean" hints. */
    List<String> keys() {
        List<String> keys = new ArrayList<>(settings.keySet());
        keys.addAll(nested.keySet());
        return keys;
    }

    /** Every setting, those of nested tables included. */
    List<Setting<?>> allSettings() {
        List<Setting<?>> all = new ArrayList<>(settings.values());
        nested.values().forEach(section -> all.addAll(section.allSettings()));
        return all;
    }
}
