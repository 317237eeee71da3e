package dev.orrery.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM that talks with the bench process in lines. The lines of its stdout that begin with one of its
 * words are for the bench process, which reads them one after the other with {@link #await}; the rest goes to
 * stderr, tagged with the child's name. The bench process may send it lines on its stdin. Closing it closes its
 * stdin, which stops it, and kills it if it does not stop.
 */
final class ChildProcess implements AutoCloseable {

    /** What the reader queues when the child's stdout ends. */
    private static final String END = "";

    private final String label;
    private final Process process;
    private final List<String> words;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private ChildProcess(String label, Process process, List<String> words) {
        this.label = label;
        this.process = process;
        this.words = List.copyOf(words);
    }

    /**
     * Starts a child.
     *
     * @param label     what it is, in messages, such as {@code ping child}
     * @param jvmFlags  JVM options that the system needs, such as Aeron's; usually none
     * @param classPath the class path of the child
     * @param main      its main class
     * @param arguments the main class's arguments
     * @param words     how the lines for the bench process begin, such as {@code RESULT}
     * @return the running child
     * @throws IOException when it cannot start
     */
    static ChildProcess start(String label, List<String> jvmFlags, String classPath, Class<?> main,
                              List<String> arguments, List<String> words) throws IOException {
        ChildProcess child = new ChildProcess(label, ChildJvm.start(ChildJvm.command(jvmFlags, classPath, main,
                arguments)), words);
        Thread.ofPlatform().daemon(true).name("bench-child-stdout").start(child::read);
        return child;
    }

    /**
     * Waits for the child's next line to the bench process.
     *
     * @param expected what the line is or starts with, such as {@link PingClient#MEASURING}
     * @param timeout  how long it may take
     * @return the line
     * @throws IOException when another line came, the child ended first, or nothing came in time
     * @throws InterruptedException when interrupted while waiting
     */
    String await(String expected, Duration timeout) throws IOException, InterruptedException {
        String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            throw new IOException("the " + label + " did not say " + expected.strip() + " within "
                    + DurationConverter.format(timeout));
        }
        if (line.equals(END)) {
            lines.add(END);
            Optional<Integer> code = process.waitFor(ChildJvm.STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)
                    ? Optional.of(process.exitValue()) : Optional.empty();
            throw new IOException("the " + label + " ended before it said " + expected.strip()
                    + code.map(value -> ", with code " + value).orElse("") + "; see its messages above");
        }
        if (!line.startsWith(expected)) {
            throw new IOException("the " + label + " said '" + line + "' where " + expected.strip()
                    + " was expected");
        }
        return line;
    }

    /**
     * Sends the child a line on its stdin.
     *
     * @param line the line, without its line break
     * @throws IOException when the child has closed its stdin, as when it has ended
     */
    void send(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
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

    /** Queues the child's lines to the bench process, and writes the rest on stderr. */
    private void read() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (isWord(line)) {
                    lines.add(line);
                } else {
                    System.err.println("[" + label + "] " + line);
                }
            }
        } catch (IOException e) {
            System.err.println("warning: lost the " + label + "'s stdout: " + e);
        } finally {
            lines.add(END);
        }
    }

    private boolean isWord(String line) {
        for (String word : words) {
            if (line.startsWith(word)) {
                return true;
            }
        }
        return false;
    }

    /** Kills the child, as when it is stuck: SIGTERM, so that its shutdown hooks clean up, then SIGKILL. */
    void kill() {
        ChildJvm.kill(process);
    }

    /** Stops the child if it still runs: closes its stdin, and kills it if it does not stop. */
    @Override
    public void close() {
        ChildJvm.stop(process, label);
    }
}
