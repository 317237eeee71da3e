package dev.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.Node;
import dev.orrery.registry.Instance;
import dev.orrery.registry.InstanceSpec;
import dev.orrery.registry.NameServer;
import dev.orrery.registry.Registration;
import dev.orrery.testkit.JvmProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code orrery nameserver}: a taken port, and a name server in another process that a node registers with. */
class NameServerCommandTest {

    @TempDir
    Path logs;

    @Test
    @Timeout(30)
    void shouldExitWithUnavailableWhenThePortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CommandRun run = CommandRun.of("nameserver", "--listen", "tcp://127.0.0.1:" + taken.getLocalPort());

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(run.err()).as(run.toString()).startsWith("UNAVAILABLE: ")
                    .contains("--listen tcp://127.0.0.1:0 picks a free port").doesNotContain("\tat ");
        }
    }

    @Test
    @Timeout(90)
    void shouldServeRegistrationsFromAnotherProcessUntilStopped() throws Exception {
        Path stderr = logs.resolve("nameserver.err");
        Process nameServerProcess = orrery(stderr, "nameserver", "--listen", "tcp://127.0.0.1:0");
        try (Node client = Node.builder().name("client").build()) {
            String endpoint = awaitEndpoint(nameServerProcess);
            NameServer nameServer = client.connect(NameServer.class, endpoint);

            Registration registration = nameServer.register(new InstanceSpec("demo.echo",
                    List.of("tcp://127.0.0.1:7070"), Map.of(), 0));

            assertThat(nameServer.locate("demo.echo", Map.of())).extracting(Instance::id)
                    .containsExactly(registration.instanceId());
        } finally {
            nameServerProcess.destroy();
            if (!nameServerProcess.waitFor(20, TimeUnit.SECONDS)) {
                nameServerProcess.destroyForcibly();
            }
        }
        assertThat(Files.readString(stderr)).contains("orrery nameserver: stopping");
    }

    /** Reads the name server's stdout up to the line that names its endpoint. */
    private static String awaitEndpoint(Process process) throws Exception {
        List<String> seen = new ArrayList<>();
        CompletableFuture<String> endpoint = CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader lines = process.inputReader(StandardCharsets.UTF_8);
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    seen.add(line);
                    if (line.startsWith(NameServerCommand.LISTENING)) {
                        return line.substring(NameServerCommand.LISTENING.length()).strip();
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the name server's output", e);
            }
            throw new IllegalStateException("the name server ended without printing its endpoint; it printed " + seen);
        });
        return endpoint.get(60, TimeUnit.SECONDS);
    }

    /** Starts {@code orrery ARGS} in a child JVM with this JVM's class path; stderr goes to a file. */
    private static Process orrery(Path stderr, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(JvmProcess.javaExecutable(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    }
}
