package dev.orrery.supervisor.internal.run;

import dev.orrery.supervisor.LaunchSettings;
import dev.orrery.supervisor.ServiceGroup;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The command line of a worker's JVM: the java executable, the group's JVM options, the heap limit from the
 * memory cap, the class path, then {@link WorkerMain} and its {@link WorkerArgs}.
 */
public final class WorkerCommand {

    /**
     * Options every worker JVM gets. Netty loads its native library and MessagePack reads arrays through
     * {@code sun.misc.Unsafe}; allowed here, the JVM does not warn about them in every worker's log. A worker
     * out of heap exits, so the supervisor restarts it, rather than limp on.
     */
    static final List<String> ALWAYS = List.of("--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow", "-XX:+ExitOnOutOfMemoryError");

    /** The logback configuration of workers, a resource of this module. */
    static final String LOGBACK = "dev/orrery/supervisor/worker-logback.xml";

    private final String java;
    private final List<String> baseClassPath;
    private final List<String> extraJvmOptions;

    /**
     * A command builder.
     *
     * @param java            the java executable
     * @param baseClassPath   the class path every worker has: Orrery's, with {@link WorkerMain}
     * @param extraJvmOptions options added to every worker JVM before the group's own, such as for tests
     */
    public WorkerCommand(String java, List<String> baseClassPath, List<String> extraJvmOptions) {
        this.java = java;
        this.baseClassPath = List.copyOf(baseClassPath);
        this.extraJvmOptions = List.copyOf(extraJvmOptions);
    }

    /**
     * A builder for this JVM's java executable and class path.
     *
     * @param extraJvmOptions options added to every worker JVM
     * @return the builder
     */
    public static WorkerCommand ofThisJvm(List<String> extraJvmOptions) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> classPath = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        return new WorkerCommand(java, classPath, extraJvmOptions);
    }

    /**
     * The command line of one worker.
     *
     * @param group  its group
     * @param args   its arguments
     * @param logDir the directory of its log files, the group's own
     * @return the command line
     */
    public List<String> command(ServiceGroup group, WorkerArgs args, Path logDir) {
        LaunchSettings launch = group.launch();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(ALWAYS);
        command.addAll(extraJvmOptions);
        command.addAll(launch.jvmOptions());
        command.add("-Xmx" + heapLimit(launch.memoryCap()));
        command.add("-Dlogback.configurationFile=" + LOGBACK);
        command.add("-Dorrery.log.dir=" + logDir);
        command.add("-Dorrery.log.name=" + WorkerFiles.baseName(group.name(), args.slot()));
        command.add("-Dorrery.log.max-size=" + group.logs().maxFileSize());
        command.add("-Dorrery.log.keep=" + Math.max(1, group.logs().keep()));
        command.add("-cp");
        command.add(classPath(launch.classPath()));
        command.add(WorkerMain.class.getName());
        command.addAll(args.toArgs());
        return command;
    }

    /**
     * A worker's heap limit: three quarters of its memory cap, the rest left for the JVM's own memory
     * (metaspace, threads, buffers), so that its resident memory stays under the cap.
     */
    static long heapLimit(long memoryCap) {
        long heap = memoryCap / 4 * 3;
        return Math.max(heap - heap % (1 << 20), 8L << 20);
    }

    private String classPath(List<Path> groupEntries) {
        List<String> entries = new ArrayList<>(baseClassPath);
        for (Path entry : groupEntries) {
            entries.addAll(expand(entry));
        }
        return String.join(File.pathSeparator, entries);
    }

    /** An entry with a {@code *} in its last part names the files that match it, in name order. */
    static List<String> expand(Path entry) {
        String last = entry.getFileName() == null ? "" : entry.getFileName().toString();
        if (last.indexOf('*') < 0) {
            return List.of(entry.toString());
        }
        Path directory = entry.getParent() == null ? Path.of(".") : entry.getParent();
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        TreeSet<String> matches = new TreeSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, last)) {
            files.forEach(file -> matches.add(file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory + " for the class path entry " + entry, e);
        }
        return List.copyOf(matches);
    }
}
