package dev.orrery.supervisor.internal;

import static dev.orrery.supervisor.internal.GroupSettings.CLASSES;

import dev.orrery.registry.Names;
import dev.orrery.supervisor.internal.toml.TomlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code [defaults]} and the {@code [services.NAME]} tables: the service groups and what each inherits. */
final class ServicesSection {
    /** The rule for a group's name, for messages. */
    static final String NAME_RULE = "lowercase letters, digits and '-', starting with a letter, at most "
            + Names.MAX_SERVICE_NAME + " characters, such as echo or key-value";

    private ServicesSection() {
    }

    /**
     * A service group's name and resolved values.
     *
     * @param name   its name
     * @param values its values, with the inherited and built-in ones
     */
    record Group(String name, Values values) {
    }

    /**
     * Reads {@code [defaults]}, checking its rules between settings.
     *
     * @param table    the table, or {@code null} when the file has none
     * @param problems where problems go
     * @return the values it writes
     */
    static Values defaults(TomlNode.Table table, Problems problems) {
        Values own = table == null ? Values.none() : Values.read(table, GroupSettings.DEFAULTS, problems);
        Relation.check(Values.resolve(GroupSettings.DEFAULTS, own, Values.none()), problems);
        return own;
    }

    /**
     * Reads every service group.
     *
     * @param node     {@code services}, or {@code null} when the file has none
     * @param defaults what {@link #defaults} returned
     * @param problems where problems go
     * @return the groups, in the file's order, valid or not
     */
    static List<Group> groups(TomlNode node, Values defaults, Problems problems) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof TomlNode.Table services)) {
            problems.invalid(node, "must be a table of service groups, such as [services.echo]");
            return List.of();
        }
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<String, TomlNode> entry : services.entries().entrySet()) {
            String name = entry.getKey();
            TomlNode group = entry.getValue();
            checkName(name, group, problems);
            if (group instanceof TomlNode.Table table) {
                groups.add(new Group(name, group(table, defaults, problems)));
            } else {
                problems.invalid(group, "must be a table, [" + group.path() + "], that lists the classes to run");
            }
        }
        return groups;
    }

    private static Values group(TomlNode.Table table, Values defaults, Problems problems) {
        Values own = Values.read(table, GroupSettings.GROUP, problems);
        if (!own.has(CLASSES)) {
            problems.at(table, table.path() + ": a service group needs classes, the service implementations "
                    + "its workers run, such as classes = [\"dev.orrery.examples.EchoService\"]");
        }
        Values resolved = Values.resolve(GroupSettings.GROUP, own, defaults);
        Relation.check(resolved, problems);
        return resolved;
    }

    private static void checkName(String name, TomlNode group, Problems problems) {
        if (name.isEmpty()) {
            problems.at(group, group.path() + ": a service group needs a name: " + NAME_RULE);
        } else if (!isGroupName(name)) {
            problems.at(group, group.path() + ": a service group's name must be " + NAME_RULE);
        }
    }

    /**
     * Whether a text may name a service group: a service name as {@link Names} defines it, in lower case and
     * without dots. A dot would split the name in a TOML table header ({@code [services.demo.kv]} is a table
     * {@code kv} inside a group {@code demo}), and a name that differs from another only in case would share
     * its log files on file systems that ignore case.
     */
    static boolean isGroupName(String name) {
        return Names.isServiceName(name) && name.matches("[a-z][a-z0-9-]*");
    }
}
