package dev.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code orrery demo} in one JVM and {@code orrery call} in another, as a user runs them. */
class DemoEndToEndTest {

    @TempDir
    Path logs;

    @Test
    @Timeout(90)
    void shouldAnswerACallFromAnotherProcess() throws Exception {
        // A name server of its own on a free port: the test never touches the default one at 2012.
        Process demo = orrery(logs.resolve("demo.err"), "demo", "--listen", "tcp://127.0.0.1:0", "--nameserver",
                "tcp://127.0.0.1:0");
        try {
            String endpoint = awaitEndpoint(demo);

            Process call = orrery(logs.resolve("call.err"), "call", "--endpoint", endpoint, "demo.echo", "echo",
                    "[\"hi\"]");
            String out = new String(call.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(call.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(call.exitValue()).as(Files.readString(logs.resolve("call.err"))).isZero();
            assertThat(out.strip()).isEqualTo("\"hi\"");
        } finally {
            demo.destroy();
            if (!demo.waitFor(20, TimeUnit.SECONDS)) {
                demo.destroyForcibly();
            }
        }
        assertThat(Files.readString(logs.resolve("demo.err"))).contains("orrery demo: stopping");
    }

    /** Reads the demo's stdout up to the line that names its endpoint. */
    private static String awaitEndpoint(Process demo) throws Exception {
        List<String> seen = new ArrayList<>();
        CompletableFuture<String> endpoint = CompletableFuture.supplyAsync(() -> {
            BufferedReader lines = demo.inputReader(StandardCharsets.UTF_8);
            try {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    seen.add(line);
                    if (line.startsWith(DemoCommand.LISTENING)) {
                        return line.substring(DemoCommand.LISTENING.length()).strip();
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the demo's output", e);
            }
            throw new IllegalStateException("the demo ended without printing its endpoint; it printed " + seen);
        });
        return endpoint.get(60, TimeUnit.SECONDS);
    }

    /** Starts {@code orrery ARGS} in a child JVM with this JVM's class path; stderr goes to a file. */
    private static Process orrery(Path stderr, String... args) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    }
}
