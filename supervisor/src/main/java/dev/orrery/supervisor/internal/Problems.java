package dev.orrery.supervisor.internal;

import dev.orrery.internal.NearestName;
import dev.orrery.supervisor.ConfigProblem;
import dev.orrery.supervisor.internal.toml.KeyPath;
import dev.orrery.supervisor.internal.toml.Position;
import dev.orrery.supervisor.internal.toml.TomlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Collects the problems of one config file, each with its line, so that all of them are reported together. */
final class Problems {
    private final Path file;
    private final List<ConfigProblem> found = new ArrayList<>();

    Problems(Path file) {
        this.file = file;
    }

    /** A value that is not valid: {@code key = value: reason}. */
    void invalid(TomlNode node, String reason) {
        at(node, node.path() + " = " + node.render() + ": " + reason);
    }

    /** A problem of a key, worded in full by the caller. */
    void at(TomlNode node, String message) {
        at(node.position(), node.path(), message);
    }

    void at(Position position, KeyPath key, String message) {
        found.add(new ConfigProblem(file, position.line(), position.column(), key.text(), message));
    }

    /** A problem of the whole file, on no line. */
    void ofFile(String message) {
        at(Position.UNKNOWN, KeyPath.ROOT, message);
    }

    /** A key that means nothing where it is, with the valid key it is nearest to, or the list of them. */
    void unknownKey(TomlNode node, String key, Collection<String> validKeys) {
        Optional<String> nearest = NearestName.of(key, validKeys);
        String hint = nearest.map(name -> "did you mean " + name + "?")
                .orElseGet(() -> validKeys.isEmpty() ? "nothing belongs here"
                        : "valid keys here: " + String.join(", ", validKeys));
        at(node, "unknown key " + node.path() + "; " + hint);
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** The problems in the order of the file, those of no line first. */
    List<ConfigProblem> inFileOrder() {
        List<ConfigProblem> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column));
        return sorted;
    }
}
