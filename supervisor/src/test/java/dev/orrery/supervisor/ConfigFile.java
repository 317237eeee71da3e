package dev.orrery.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A config file written for a test, with the means to find where a piece of its text is, so that tests state
 * the line of a problem by the text on it rather than by a number.
 *
 * @param path the file
 * @param text what it holds
 */
record ConfigFile(Path path, String text) {

    /** Writes {@code orrery.toml} in a directory. */
    static ConfigFile write(Path directory, String text) {
        return writeAt(directory.resolve("orrery.toml"), text);
    }

    /** Writes a file. */
    static ConfigFile writeAt(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return new ConfigFile(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The line, from 1, of the first occurrence of a piece of text. */
    int line(String piece) {
        int at = text.indexOf(piece);
        assertThat(at).as("'%s' in the file", piece).isNotNegative();
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /** The column, from 1, of the first occurrence of a piece of text. */
    int column(String piece) {
        int at = text.indexOf(piece);
        assertThat(at).as("'%s' in the file", piece).isNotNegative();
        return at - text.lastIndexOf('\n', at - 1);
    }

    SupervisorConfig load() {
        return SupervisorConfig.load(path);
    }

    /** The problems the file has; fails when it has none. */
    List<ConfigProblem> problems() {
        ConfigException e = catchThrowableOfType(ConfigException.class, this::load);
        assertThat(e).as("the problems of %s", text).isNotNull();
        return e.problems();
    }

    /** The only problem of the file; fails when there are none or several. */
    ConfigProblem problem() {
        List<ConfigProblem> problems = problems();
        assertThat(problems).as("the problems").hasSize(1);
        return problems.getFirst();
    }

    /** The problem that the file would print as {@code file:line: message}, at the line of {@code piece}. */
    ConfigProblem expected(String piece, String key, String message) {
        return new ConfigProblem(path, line(piece), column(piece), key, message);
    }
}
