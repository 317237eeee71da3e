package dev.orrery.supervisor.internal;

import dev.orrery.supervisor.internal.toml.TomlNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Paths, kept as written: relative ones are resolved against the config file's directory when the model is
 * built, so that the same file means the same wherever the supervisor is started from.
 */
final class PathTypes {

    private PathTypes() {
    }

    /** A path to a directory or file. */
    static ValueType<Path> path() {
        return (node, problems) -> {
            if (!(node instanceof TomlNode.Text text) || text.value().isBlank()) {
                problems.invalid(node, "must be a path in quotes, such as \"logs\"");
                return null;
            }
            String reason = pathProblem(text.value(), false);
            if (reason != null) {
                problems.invalid(node, reason);
                return null;
            }
            return Path.of(text.value());
        };
    }

    /** A worker's class path: directories and jar files; a {@code *} in the last part of an entry. */
    static ValueType<List<Path>> classPath() {
        ValueType<List<String>> entries = ListTypes.strings("class path entries", "[\"lib/*.jar\", \"build/classes\"]",
                false, (entry, before) -> entry.isBlank() ? "must be a path" : pathProblem(entry, true));
        return new ValueType<>() {
            @Override
            public List<Path> parse(TomlNode node, Problems problems) {
                List<String> texts = entries.parse(node, problems);
                if (texts == null) {
                    return null;
                }
                List<Path> paths = new ArrayList<>();
                texts.forEach(text -> paths.add(Path.of(text)));
                return List.copyOf(paths);
            }

            @Override
            public String format(List<Path> value) {
                return value.toString();
            }
        };
    }

    /** Why a text is not a usable path, or {@code null} when it is. */
    private static String pathProblem(String text, boolean wildcardAtEnd) {
        int star = text.indexOf('*');
        int lastSeparator = Math.max(text.lastIndexOf('/'), text.lastIndexOf('\\'));
        if (star >= 0 && !wildcardAtEnd) {
            return "must be a path without '*'";
        }
        if (star >= 0 && star < lastSeparator) {
            return "may have a '*' in its last part only, such as \"lib/*.jar\"";
        }
        try {
            Path.of(text);
            return null;
        } catch (InvalidPathException e) {
            return "is not a valid path: " + e.getReason();
        }
    }
}
