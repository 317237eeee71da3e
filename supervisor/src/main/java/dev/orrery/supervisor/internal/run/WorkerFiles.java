package dev.orrery.supervisor.internal.run;

import java.nio.file.Path;

/** Where a worker's log files are: {@code LOGDIR/GROUP/GROUP-SLOT.stdout.log}, {@code .stderr.log}, {@code .json}. */
public final class WorkerFiles {

    private WorkerFiles() {
    }

    /**
     * The part of a worker's file names before the extension.
     *
     * @param group the group
     * @param slot  the worker's slot
     * @return such as {@code echo-1}
     */
    public static String baseName(String group, int slot) {
        return group + "-" + slot;
    }

    /**
     * The directory of a group's log files.
     *
     * @param logDir the group's log directory
     * @param group  the group
     * @return {@code logDir/group}
     */
    public static Path directory(Path logDir, String group) {
        return logDir.resolve(group);
    }

    /**
     * The file of one of a worker's output streams.
     *
     * @param logDir the group's log directory
     * @param group  the group
     * @param slot   the worker's slot
     * @param stream {@code stdout} or {@code stderr}
     * @return the file
     */
    public static Path output(Path logDir, String group, int slot, String stream) {
        return directory(logDir, group).resolve(baseName(group, slot) + "." + stream + ".log");
    }
}
