package dev.orrery.cli;

import dev.orrery.testkit.JvmProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The {@code orrery} command in a child JVM with this JVM's class path, as {@code bin/orrery} runs it. */
final class ChildOrrery {

    private ChildOrrery() {
    }

    /**
     * Starts a command that runs until stopped, such as {@code demo} or {@code nameserver}.
     *
     * @param args the arguments
     * @return the running process
     * @throws IOException when the JVM cannot be started
     */
    static JvmProcess start(String... args) throws IOException {
        return JvmProcess.start(Main.class, args);
    }

    /**
     * Runs a command to its end, in an environment without {@code ORRERY_NAMESERVER} unless given.
     *
     * @param environment variables to set, such as {@code ORRERY_NAMESERVER}
     * @param args        the arguments
     * @return its exit code and output
     * @throws IOException          when the JVM cannot be started
     * @throws InterruptedException when interrupted
     */
    static CommandRun run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(JvmProcess.javaExecutable(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove(NameServerOption.ENVIRONMENT);
        builder.environment().putAll(environment);
        Process process = builder.start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String out = read(process.getInputStream());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("orrery " + String.join(" ", args) + " did not end within 60 s; it printed "
                    + out);
        }
        return new CommandRun(process.exitValue(), out, err.join());
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the child's output", e);
        }
    }
}
