package dev.orrery.supervisor.internal.run;

import dev.orrery.SharedMemory;
import dev.orrery.supervisor.ServiceGroup;
import dev.orrery.supervisor.internal.logs.LogBook;
import dev.orrery.supervisor.internal.logs.OutputPump;
import dev.orrery.supervisor.internal.logs.RotatingFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts workers with their output kept: each worker's stdout and stderr go, line by line, to files of its own
 * under its group's log directory, rotated by size, and to the supervisor's in-memory log book that the console
 * tails. A restarted worker appends to the files of its slot.
 */
public final class WorkerOutput implements AutoCloseable {

    private final LogBook book;
    private final Map<Path, RotatingFile> files = new HashMap<>();

    /**
     * Output kept in a log book.
     *
     * @param book the supervisor's log book
     */
    public WorkerOutput(LogBook book) {
        this.book = book;
    }

    /**
     * Starts a worker of a group, its output read into files and the log book.
     *
     * @param command        builds its command line
     * @param group          its group
     * @param slot           its slot
     * @param nameServer     the name server it registers with
     * @param supervisor     the supervisor's endpoint, to report to
     * @param reportInterval how often it reports
     * @param configFile     the config file, whose directory is the worker's working directory
     * @return the started worker
     * @throws IOException when its log directory or its JVM cannot be made
     */
    public synchronized WorkerProcess launch(WorkerCommand command, ServiceGroup group, int slot, String nameServer,
                                             String supervisor, Duration reportInterval, Path configFile)
            throws IOException {
        Path directory = WorkerFiles.directory(group.logs().directory(), group.name());
        Files.createDirectories(directory);
        WorkerArgs args = new WorkerArgs(group.name(), slot, nameServer, supervisor, group.listen().tcp().toString(),
                group.listen().sharedMemory() ? SharedMemory.AUTO : SharedMemory.NEVER,
                group.restarts().gracePeriod(), reportInterval, group.classes());
        Path workingDirectory = configFile.toAbsolutePath().getParent();
        WorkerProcess worker = WorkerProcess.start(command.command(group, args, directory), group.launch().env(),
                workingDirectory, Instant.now());
        long pid = worker.pid();
        OutputPump.start(worker.process().getInputStream(), group.name(), pid, "stdout",
                file(group, slot, "stdout"), book);
        OutputPump.start(worker.process().getErrorStream(), group.name(), pid, "stderr",
                file(group, slot, "stderr"), book);
        return worker;
    }

    private RotatingFile file(ServiceGroup group, int slot, String stream) {
        Path path = WorkerFiles.output(group.logs().directory(), group.name(), slot, stream);
        return files.computeIfAbsent(path, p -> new RotatingFile(p, group.logs().maxFileSize(),
                group.logs().keep()));
    }

    /** Closes every file; pumps still reading stop writing to them. */
    @Override
    public synchronized void close() {
        List<RotatingFile> all = new ArrayList<>(files.values());
        files.clear();
        for (RotatingFile file : all) {
            try {
                file.close();
            } catch (IOException e) {
                // Nothing more can be written to it either way.
            }
        }
    }
}
