package dev.orrery.supervisor.internal;

import dev.orrery.supervisor.internal.toml.TomlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/** Arrays of strings: class names, JVM options. */
final class ListTypes {
    private static final String CLASS_EXAMPLE = "[\"dev.orrery.examples.EchoService\"]";

    private ListTypes() {
    }

    /**
     * An array of strings, each checked on its own.
     *
     * @param what       the array's contents in words, for messages, such as "class names"
     * @param example    an array as the file would write it
     * @param allowEmpty whether {@code []} is valid
     * @param check      takes an element and the elements before it, and says why it is not valid, or null
     */
    static ValueType<List<String>> strings(String what, String example, boolean allowEmpty,
                                           BiFunction<String, List<String>, String> check) {
        return new ValueType<>() {
            @Override
            public List<String> parse(TomlNode node, Problems problems) {
                if (!(node instanceof TomlNode.Array array)) {
                    problems.invalid(node, "must be an array of " + what + ", such as " + example);
                    return null;
                }
                if (array.elements().isEmpty() && !allowEmpty) {
                    problems.invalid(node, "must list at least one of the " + what + ", such as " + example);
                    return null;
                }
                List<String> values = new ArrayList<>();
                boolean valid = true;
                for (TomlNode element : array.elements()) {
                    String reason = element instanceof TomlNode.Text text
                            ? check.apply(text.value(), values)
                            : "must be a string, got " + element.kind();
                    if (reason != null) {
                        problems.invalid(element, reason);
                        valid = false;
                    } else {
                        values.add(((TomlNode.Text) element).value());
                    }
                }
                return valid ? List.copyOf(values) : null;
            }

            @Override
            public String format(List<String> value) {
                return String.join(" ", value);
            }
        };
    }

    /** The classes a worker serves: at least one fully qualified class name, none twice. */
    static ValueType<List<String>> classNames() {
        return strings("class names", CLASS_EXAMPLE, false, (name, before) -> {
            if (!JavaNames.isQualifiedClassName(name)) {
                return "must be a fully qualified class name, with its package, such as "
                        + "dev.orrery.examples.EchoService";
            }
            return before.contains(name) ? "is listed twice" : null;
        });
    }

    /**
     * Options of a worker's JVM. Each starts with {@code -}. The heap limit and the class path are settings
     * of their own, so options that set them are refused rather than left to fight with those.
     */
    static ValueType<List<String>> jvmOptions() {
        return strings("JVM options", "[\"-XX:+UseZGC\", \"-Dapp.mode=demo\"]", true, (option, before) -> {
            String lower = option.toLowerCase(Locale.ROOT);
            if (!option.startsWith("-") || option.isBlank()) {
                return "must be a JVM option, starting with '-', such as \"-Dkey=value\"";
            }
            if (lower.startsWith("-xmx") || lower.startsWith("-xx:maxheapsize")) {
                return "sets the heap limit, which memory-cap sets; remove it and set memory-cap, such as "
                        + "memory-cap = \"1GiB\"";
            }
            if (lower.equals("-cp") || lower.equals("-classpath") || lower.startsWith("--class-path")) {
                return "sets the class path, which classpath sets; remove it and set classpath";
            }
            return null;
        });
    }
}
