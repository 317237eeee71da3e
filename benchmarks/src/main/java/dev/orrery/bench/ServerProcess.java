package dev.orrery.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link BenchServer} in a child JVM: the same java binary and class path as this process. Closing it closes
 * the child's stdin, which stops it, and kills it if it does not stop.
 */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the echo server child of a system and waits for its {@code READY <port>} line.
     *
     * @param system    the system it serves
     * @param classPath the class path of the child
     * @param timeout   how long it may take to get ready
     * @return the running child
     * @throws IOException when it cannot start, exits early, or is not ready in time
     */
    static ServerProcess start(BenchSystem system, String classPath, Duration timeout) throws IOException {
        return start(system.label(), List.of("--system", system.key()), classPath, timeout);
    }

    /**
     * Starts a child with {@link BenchServer} options of its own and waits for its {@code READY <port>} line.
     *
     * @param label      what it is, in messages, such as {@code orrery} or {@code name server}
     * @param serverArgs the options of {@link BenchServer}, such as {@code --system nameserver}
     * @param classPath  the class path of the child
     * @param timeout    how long it may take to get ready
     * @return the running child
     * @throws IOException when it cannot start, exits early, or is not ready in time
     */
    static ServerProcess start(String label, List<String> serverArgs, String classPath, Duration timeout)
            throws IOException {
        return start(label, serverArgs, List.of(), classPath, timeout);
    }

    /**
     * Starts a child with JVM options and {@link BenchServer} options of its own, and waits for its
     * {@code READY <port>} line. Its stderr goes to ours; the rest of its stdout too, so that our stdout holds only
     * results.
     *
     * @param label      what it is, in messages, such as {@code orrery} or {@code name server}
     * @param serverArgs the options of {@link BenchServer}, such as {@code --system nameserver}
     * @param jvmFlags   JVM options that this system alone needs, such as Aeron's; usually none
     * @param classPath  the class path of the child
     * @param timeout    how long it may take to get ready
     * @return the running child
     * @throws IOException when it cannot start, exits early, or is not ready in time
     */
    static ServerProcess start(String label, List<String> serverArgs, List<String> jvmFlags, String classPath,
                               Duration timeout) throws IOException {
        Process process = ChildJvm.start(command(serverArgs, jvmFlags, classPath));
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        Thread.ofPlatform().daemon(true).name("bench-server-stdout").start(() -> forward(process, ready));
        try {
            int port = ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new ServerProcess(process, port);
        } catch (ExecutionException e) {
            ChildJvm.kill(process);
            throw new IOException("the " + label + " server child failed: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            ChildJvm.kill(process);
            throw new IOException("the " + label + " server child was not ready within "
                    + DurationConverter.format(timeout), e);
        } catch (InterruptedException e) {
            ChildJvm.kill(process);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the " + label + " server child", e);
        }
    }

    /**
     * The child's command line: {@link ChildJvm#command} of {@link BenchServer} with its options and
     * {@code --port 0}.
     *
     * @param serverArgs the options of {@link BenchServer}
     * @param jvmFlags   JVM options that the system needs
     * @param classPath  its class path
     * @return the command
     */
    static List<String> command(List<String> serverArgs, List<String> jvmFlags, String classPath) {
        List<String> arguments = new ArrayList<>(serverArgs);
        arguments.addAll(List.of("--port", "0"));
        return ChildJvm.command(jvmFlags, classPath, BenchServer.class, arguments);
    }

    private static void forward(Process process, CompletableFuture<Integer> ready) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!ready.isDone() && line.startsWith(BenchServer.READY)) {
                    ready.complete(Integer.parseInt(line.substring(BenchServer.READY.length()).strip()));
                } else {
                    System.err.println("[server] " + line);
                }
            }
            if (!ready.isDone()) {
                ready.completeExceptionally(new IOException("it exited before it was ready, with code "
                        + process.waitFor()));
            }
        } catch (IOException | NumberFormatException e) {
            if (!ready.completeExceptionally(e)) {
                System.err.println("warning: lost the server child's stdout: " + e);
            }
        } catch (InterruptedException e) {
            ready.completeExceptionally(e);
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The port the child listens on, on 127.0.0.1.
     *
     * @return the port
     */
    int port() {
        return port;
    }

    /**
     * Whether the child still runs.
     *
     * @return true while it runs
     */
    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * The CPU time the child has used so far, as the operating system counts it (in clock ticks on Linux).
     *
     * @return its user and system time, or empty where the operating system does not tell
     */
    Optional<Duration> cpuTime() {
        return process.info().totalCpuDuration();
    }

    /** Closes the child's stdin so it stops; kills it if it has not stopped within 5 s. */
    @Override
    public void close() {
        ChildJvm.stop(process, "server child");
    }
}
