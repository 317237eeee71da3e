package dev.orrery.supervisor;

import java.nio.file.Path;

/**
 * One thing wrong with a config file, and what would be valid instead.
 *
 * @param file    the file, as it was given to {@link SupervisorConfig#load(Path)}
 * @param line    the line, from 1; 0 when the problem belongs to no line, such as a file that cannot be read
 * @param column  the column, from 1; 0 when not known
 * @param key     the key path, such as {@code services.demo.max-workers}; empty when the problem has none
 * @param message what is wrong, starting with the key, such as
 *                {@code services.demo.max-workers = 0: must be at least min-workers (1)}
 */
public record ConfigProblem(Path file, int line, int column, String key, String message) {

    /**
     * The problem as a compiler would print it: {@code orrery.toml:14: services.demo.max-workers = 0: ...}.
     *
     * @return the file, the line when known, and the message
     */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
