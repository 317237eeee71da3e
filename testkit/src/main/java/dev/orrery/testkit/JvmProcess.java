package dev.orrery.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Java program run in a child JVM with the test's class path: started, watched line by line, and
 * stopped, gracefully or with {@code kill -9}. Closing it always ends the process.
 *
 * <pre>{@code
 * try (JvmProcess server = JvmProcess.start(ServeDemo.class, "tcp://127.0.0.1:0")) {
 *     String endpoint = server.awaitLine(line -> line.startsWith("READY "), Duration.ofSeconds(20)).substring(6);
 * }
 * }</pre>
 */
public final class JvmProcess implements AutoCloseable {
    private final Process process;
    private final String name;
    private final BlockingQueue<String> unread = new LinkedBlockingQueue<>();
    private final List<String> stdout = new CopyOnWriteArrayList<>();
    private final List<String> stderr = new CopyOnWriteArrayList<>();

    private JvmProcess(Process process, String name) {
        this.process = process;
        this.name = name;
        pump(process.getInputStream(), line -> {
            stdout.add(line);
            unread.add(line);
        }, "stdout");
        pump(process.getErrorStream(), stderr::add, "stderr");
    }

    /**
     * Starts {@code mainClass} in a child JVM, with the same JDK and class path as this one.
     *
     * @param mainClass the class whose {@code main} runs
     * @param args      its arguments
     * @return the running process
     * @throws IOException when the JVM cannot be started
     */
    public static JvmProcess start(Class<?> mainClass, String... args) throws IOException {
        return start(List.of(), mainClass, args);
    }

    /**
     * Starts {@code mainClass} in a child JVM with extra JVM options.
     *
     * @param jvmOptions options such as {@code -Xmx256m}
     * @param mainClass  the class whose {@code main} runs
     * @param args       its arguments
     * @return the running process
     * @throws IOException when the JVM cannot be started
     */
    public static JvmProcess start(List<String> jvmOptions, Class<?> mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        // Netty loads its native epoll library and MessagePack's buffers still use sun.misc.Unsafe: allow both
        // quietly, as the orrery launcher does, rather than print warnings.
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("--sun-misc-unsafe-memory-access=allow");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        return new JvmProcess(process, mainClass.getSimpleName());
    }

    /**
     * The java launcher of the running JVM.
     *
     * @return its path
     */
    public static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
    }

    private void pump(InputStream stream, java.util.function.Consumer<String> sink, String what) {
        Thread.ofVirtual().name(name + "-" + what).start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                sink.accept("[" + what + " closed: " + e.getMessage() + "]");
            }
        });
    }

    /**
     * Waits for the next line of standard output that matches, skipping others.
     *
     * @param match   which line
     * @param timeout how long at most
     * @return the line
     * @throws IllegalStateException when none came in time or the process ended, with its output
     * @throws InterruptedException  when interrupted
     */
    public String awaitLine(Predicate<String> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String line = unread.poll(Math.max(0, Math.min(left, TimeUnit.MILLISECONDS.toNanos(100))),
                    TimeUnit.NANOSECONDS);
            if (line != null && match.test(line)) {
                return line;
            }
            if (line == null && (!process.isAlive() && unread.isEmpty() || left <= 0)) {
                throw new IllegalStateException(name + ": no matching line within " + timeout
                        + (process.isAlive() ? "" : " (the process exited with " + process.exitValue() + ")")
                        + "\n" + transcript());
            }
        }
    }

    /**
     * Waits for a line starting with {@code prefix} and returns what follows it, trimmed.
     *
     * @param prefix  such as {@code "READY "}
     * @param timeout how long at most
     * @return the rest of the line
     * @throws InterruptedException when interrupted
     */
    public String awaitValue(String prefix, Duration timeout) throws InterruptedException {
        return awaitLine(line -> line.startsWith(prefix), timeout).substring(prefix.length()).trim();
    }

    /** @return the process id */
    public long pid() {
        return process.pid();
    }

    /** @return whether the process still runs */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Kills the process with SIGKILL, as {@code kill -9} does, and waits until it is gone.
     *
     * @throws InterruptedException when interrupted
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /**
     * Asks the process to stop with SIGTERM and waits for it, killing it if it takes too long.
     *
     * @param grace how long it may take
     * @return its exit code
     * @throws InterruptedException when interrupted
     */
    public int stop(Duration grace) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
        }
        return process.exitValue();
    }

    /** @return everything the process printed so far, for failure messages */
    public String transcript() {
        return "--- " + name + " stdout ---\n" + String.join("\n", stdout) + "\n--- " + name + " stderr ---\n"
                + String.join("\n", stderr);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
