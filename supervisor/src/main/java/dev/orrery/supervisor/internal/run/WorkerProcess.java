package dev.orrery.supervisor.internal.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running worker JVM: its process, its control line (standard input) and how it ended.
 */
public final class WorkerProcess {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerProcess.class);

    private final Process process;
    private final Instant startedAt;
    private final CompletableFuture<Integer> exit;
    private volatile boolean stopRequested;

    private WorkerProcess(Process process, Instant startedAt) {
        this.process = process;
        this.startedAt = startedAt;
        this.exit = process.onExit().thenApply(Process::exitValue);
    }

    /**
     * Starts a worker.
     *
     * @param command   its command line
     * @param env       environment variables added to the supervisor's own
     * @param directory its working directory
     * @param startedAt when it started, by the supervisor's clock
     * @return the running worker
     * @throws IOException when the JVM cannot be started
     */
    public static WorkerProcess start(List<String> command, Map<String, String> env, Path directory,
                                      Instant startedAt) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().putAll(env);
        return new WorkerProcess(builder.start(), startedAt);
    }

    /** @return its process, whose output streams the caller reads */
    public Process process() {
        return process;
    }

    /** @return its process id */
    public long pid() {
        return process.pid();
    }

    /** @return when it started */
    public Instant startedAt() {
        return startedAt;
    }

    /** @return its exit code, once it exited */
    public CompletableFuture<Integer> exit() {
        return exit;
    }

    /**
     * Asks it to stop gracefully: it deregisters, finishes its calls in flight, and exits. Asking twice does
     * nothing more.
     */
    public void requestStop() {
        if (stopRequested) {
            return;
        }
        stopRequested = true;
        try {
            OutputStream control = process.getOutputStream();
            control.write("stop\n".getBytes(StandardCharsets.UTF_8));
            control.flush();
        } catch (IOException e) {
            // It has already exited, or is exiting: its pipe is closed.
            LOG.debug("worker {}: control line closed", pid(), e);
        }
    }

    /** Kills it at once ({@code SIGKILL}), as after a grace period that it overran. */
    public void kill() {
        stopRequested = true;
        process.destroyForcibly();
    }

    /**
     * How a process ended, in words.
     *
     * @param code its exit value: 128 + N for a process killed by signal N
     * @return such as {@code exit code 1} or {@code killed by signal 9 (KILL)}
     */
    public static String describeExit(int code) {
        if (code > 128 && code < 128 + 32) {
            int signal = code - 128;
            String name = switch (signal) {
                case 9 -> " (KILL)";
                case 15 -> " (TERM)";
                case 2 -> " (INT)";
                case 6 -> " (ABRT)";
                case 11 -> " (SEGV)";
                default -> "";
            };
            return "killed by signal " + signal + name;
        }
        return "exit code " + code;
    }
}
