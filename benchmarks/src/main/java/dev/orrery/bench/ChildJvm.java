package dev.orrery.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How the benchmarks start and stop their child JVMs: the same java binary as this process, with the options
 * that {@code bin/orrery} grants it, and a child stops when its stdin closes, or is killed when it does not.
 */
final class ChildJvm {

    /** Extra JVM options for every child, separated by spaces, such as {@code -Xmx1g}; none by default. */
    static final String JVM_ARGS_PROPERTY = "orrery.bench.serverJvmArgs";

    /**
     * The options of this JVM that its children get too: those {@code bin/orrery} starts it with, so that a child
     * runs as this process does. Without native access, Orrery's shared memory could not wake a sleeping reader
     * through a futex.
     */
    private static final List<String> INHERITED = List.of("--enable-native-access=",
            "--sun-misc-unsafe-memory-access=");

    /** How long a child may take to stop, after its stdin closes and again after SIGTERM. */
    static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private ChildJvm() {
    }

    /**
     * A child's command line: this process's java, the options of this process that children inherit, the extra
     * options of {@value #JVM_ARGS_PROPERTY}, the options of the system it runs, then the main class with its
     * arguments.
     *
     * @param jvmFlags  options that the system needs, such as Aeron's {@code --add-exports}; usually none
     * @param classPath the child's class path
     * @param main      its main class
     * @param arguments the main class's arguments
     * @return the command
     */
    static List<String> command(List<String> jvmFlags, String classPath, Class<?> main, List<String> arguments) {
        String java = ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>();
        command.add(java);
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> INHERITED.stream().anyMatch(option::startsWith))
                .forEach(command::add);
        String extra = System.getProperty(JVM_ARGS_PROPERTY, "").strip();
        if (!extra.isEmpty()) {
            command.addAll(Arrays.asList(extra.split("\\s+")));
        }
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", classPath, main.getName()));
        command.addAll(arguments);
        return command;
    }

    /**
     * Starts a child whose stderr goes to ours and whose stdout the caller reads.
     *
     * @param command its command line
     * @return the running child
     * @throws IOException when it cannot start
     */
    static Process start(List<String> command) throws IOException {
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /**
     * Closes a child's stdin so that it stops, and kills it if it has not stopped within {@link #STOP_GRACE}.
     *
     * @param process the child
     * @param label   what it is, in warnings, such as {@code server child}
     */
    static void stop(Process process, String label) {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                System.err.println("warning: the " + label + " did not stop within "
                        + DurationConverter.format(STOP_GRACE) + " of its stdin closing; killing it");
                kill(process);
            }
        } catch (IOException e) {
            System.err.println("warning: cannot close the " + label + "'s stdin (" + e + "); killing it");
            kill(process);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Kills a child: SIGTERM, so that its shutdown hooks clean up, then SIGKILL if it still runs.
     *
     * @param process the child
     */
    static void kill(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
