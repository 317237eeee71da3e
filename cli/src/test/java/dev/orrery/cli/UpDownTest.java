package dev.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.Endpoint;
import dev.orrery.testkit.JvmProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The script with real processes: {@code orrery up FILE}, the services listed as running by the JSON
 * API, call metrics at {@code /metrics} after a few calls, a worker killed with {@code -9} back within 10 s with
 * one restart, and {@code orrery down} leaving no process behind.
 */
class UpDownTest {

    private static final Duration START = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @Timeout(180)
    void shouldRunTheServicesOfAFileShowThemAndStopThemAll() throws Exception {
        int nameServerPort = Endpoint.parse(LocalPorts.freeEndpoint()).port();
        int consolePort = Endpoint.parse(LocalPorts.freeEndpoint()).port();
        Path file = dir.resolve("orrery.toml");
        Files.writeString(file, """
                [nameserver]
                port = %d

                [console]
                port = %d

                [services.echo]
                classes = ["dev.orrery.examples.EchoService"]

                [services.kv]
                classes = ["dev.orrery.examples.KeyValueService"]
                """.formatted(nameServerPort, consolePort));
        Map<String, String> environment = Map.of(NameServerOption.ENVIRONMENT, "tcp://127.0.0.1:" + nameServerPort);
        List<Long> workers = new ArrayList<>();
        try (JvmProcess up = ChildOrrery.start("up", file.toString())) {
            URI console = URI.create(up.awaitValue(UpCommand.CONSOLE, START));
            assertThat(console.getPort()).isEqualTo(consolePort);
            await().atMost(START).until(() -> running(console).size() == 2);
            long echoPid = running(console).get("echo");
            workers.addAll(running(console).values());

            for (int i = 0; i < 3; i++) {
                CommandRun call = ChildOrrery.run(environment, "call", "demo.echo", "echo", "[\"hi\"]");
                assertThat(call.exitCode()).as(call.toString()).isZero();
                assertThat(call.out()).isEqualTo("\"hi\"\n");
            }
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get(console, "metrics"))
                    .containsPattern("orrery_calls_total\\{[^}]*method=\"echo\"[^}]*} 3\\.0"));

            ProcessHandle.of(echoPid).orElseThrow().destroyForcibly();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                JsonNode echo = service(console, "echo");
                return echo.get("status").asText().equals("running")
                        && echo.get("workers").get(0).get("restarts").asInt() == 1
                        && echo.get("workers").get(0).get("status").asText().equals("running");
            });
            workers.add(service(console, "echo").get("workers").get(0).get("pid").asLong());

            CommandRun down = ChildOrrery.run(environment, "down");
            assertThat(down.exitCode()).as(down.toString()).isZero();
            assertThat(down.out()).contains("orrery down: stopped");
            assertThat(up.stop(Duration.ofSeconds(5))).isZero();
        }
        assertThat(workers).hasSize(3).noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive)
                .orElse(false));
        assertThat(Files.readString(dir.resolve("logs/echo/echo-1.stdout.log")))
                .contains("orrery worker: serving demo.echo");
    }

    @Test
    @Timeout(60)
    void shouldReportEveryProblemOfTheFileAndStartNothing() throws Exception {
        Path file = dir.resolve("orrery.toml");
        Files.writeString(file, """
                [services.echo]
                classes = ["dev.orrery.examples.EchoService"]
                max-worker = 3
                memory-cap = "512MB"
                """);

        CommandRun up = ChildOrrery.run(Map.of(), "up", file.toString());

        assertThat(up.exitCode()).as(up.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(up.err()).contains("orrery.toml:3").contains("max-workers").contains("orrery.toml:4")
                .contains("512MiB");
    }

    @Test
    @Timeout(60)
    void shouldSaySoWhenNoSupervisorRuns() throws Exception {
        CommandRun down = ChildOrrery.run(Map.of(), "down", "--nameserver", LocalPorts.freeEndpoint());

        assertThat(down.exitCode()).as(down.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(down.err()).contains("nothing to stop");
    }

    /** The running groups' first worker pids, by group name. */
    private Map<String, Long> running(URI console) throws Exception {
        Map<String, Long> pids = new java.util.TreeMap<>();
        for (JsonNode group : ServiceDescription.JSON.readTree(get(console, "api/services"))) {
            JsonNode workers = group.get("workers");
            if (group.get("status").asText().equals("running") && !workers.isEmpty()
                    && workers.get(0).get("status").asText().equals("running")) {
                pids.put(group.get("name").asText(), workers.get(0).get("pid").asLong());
            }
        }
        return pids;
    }

    private JsonNode service(URI console, String name) throws Exception {
        for (JsonNode group : ServiceDescription.JSON.readTree(get(console, "api/services"))) {
            if (group.get("name").asText().equals(name)) {
                return group;
            }
        }
        throw new AssertionError("no group " + name);
    }

    private String get(URI console, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(console.resolve("/" + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }
}
