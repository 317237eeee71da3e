package dev.orrery.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link PingClient} in a child JVM, whose lines to the bench process are read one after the other. Closing it
 * stops the child if it still runs.
 */
final class PingProcess implements AutoCloseable {

    /** What the reader queues when the child's stdout ends. */
    private static final String END = "";

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private PingProcess(Process process) {
        this.process = process;
    }

    /**
     * Starts the child.
     *
     * @param jvmFlags   JVM options that the system needs
     * @param classPath  the class path of the child
     * @param clientArgs the options of {@link PingClient}
     * @return the running child
     * @throws IOException when it cannot start
     */
    static PingProcess start(List<String> jvmFlags, String classPath, List<String> clientArgs) throws IOException {
        PingProcess child = new PingProcess(ChildJvm.start(ChildJvm.command(jvmFlags, classPath, PingClient.class,
                clientArgs)));
        Thread.ofPlatform().daemon(true).name("bench-ping-stdout").start(child::read);
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
            throw new IOException("the ping child did not say " + expected.strip() + " within "
                    + DurationConverter.format(timeout));
        }
        if (line.equals(END)) {
            lines.add(END);
            Optional<Integer> code = process.waitFor(ChildJvm.STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)
                    ? Optional.of(process.exitValue()) : Optional.empty();
            throw new IOException("the ping child ended before it said " + expected.strip()
                    + code.map(value -> ", with code " + value).orElse("") + "; see its messages above");
        }
        if (!line.startsWith(expected)) {
            throw new IOException("the ping child said '" + line + "' where " + expected.strip() + " was expected");
        }
        return line;
    }

    /** Queues the child's lines to the bench process, and writes the rest on stderr. */
    private void read() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.equals(PingClient.WARMING) || line.equals(PingClient.MEASURING)
                        || line.startsWith(PingClient.RESULT)) {
                    lines.add(line);
                } else {
                    System.err.println("[ping] " + line);
                }
            }
        } catch (IOException e) {
            System.err.println("warning: lost the ping child's stdout: " + e);
        } finally {
            lines.add(END);
        }
    }

    /** Stops the child if it still runs: it ends by itself after its report. */
    @Override
    public void close() {
        ChildJvm.stop(process, "ping child");
    }
}
