package dev.orrery.supervisor;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a service group's workers write their output, and how much of it is kept.
 *
 * @param directory   the directory of the log files, absolute
 * @param maxFileSize the size in bytes at which a log file is closed and a new one begun
 * @param keep        how many closed log files are kept beside the current one
 */
public record LogSettings(Path directory, long maxFileSize, int keep) {

    /** Checks that the directory is there. */
    public LogSettings {
        Objects.requireNonNull(directory, "directory");
    }
}
