package dev.orrery.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link BenchServer} in a child JVM: the same java binary and class path as this process. Closing it closes
 * the child's stdin, which stops it, and kills it if it does not stop.
 */
final class ServerProcess implements AutoCloseable {

    private final ChildProcess child;
    private final int port;

    private ServerProcess(ChildProcess child, int port) {
        this.child = child;
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
        List<String> arguments = new ArrayList<>(serverArgs);
        arguments.addAll(List.of("--port", "0"));
        ChildProcess child = ChildProcess.start(label + " server child", jvmFlags, classPath, BenchServer.class,
                arguments, List.of(BenchServer.READY));
        try {
            String ready = child.await(BenchServer.READY, timeout);
            return new ServerProcess(child, Integer.parseInt(ready.substring(BenchServer.READY.length()).strip()));
        } catch (IOException e) {
            child.kill();
            throw e;
        } catch (NumberFormatException e) {
            child.kill();
            throw new IOException("the " + label + " server child said it was ready without a port: " + e, e);
        } catch (InterruptedException e) {
            child.kill();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the " + label + " server child", e);
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
        return child.isAlive();
    }

    /**
     * The CPU time the child has used so far, as the operating system counts it (in clock ticks on Linux).
     *
     * @return its user and system time, or empty where the operating system does not tell
     */
    Optional<Duration> cpuTime() {
        return child.cpuTime();
    }

    /** Closes the child's stdin so it stops; kills it if it has not stopped within 5 s. */
    @Override
    public void close() {
        child.close();
    }
}
