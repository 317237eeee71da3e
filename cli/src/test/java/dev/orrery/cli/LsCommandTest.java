package dev.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.Endpoint;
import dev.orrery.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code orrery ls} against a name server in this JVM where two nodes registered {@code demo.echo}. */
class LsCommandTest {

    private static RegistryFixture registry;
    private static Node first;
    private static Node second;

    @BeforeAll
    @Timeout(30)
    static void registerTwoInstances() {
        registry = RegistryFixture.start();
        first = registry.serveEcho("first");
        second = registry.serveEcho("second");
    }

    @AfterAll
    @Timeout(30)
    static void stop() {
        registry.close();
    }

    @Test
    @Timeout(30)
    void shouldPrintOnlyAJsonArrayOfServicesWithTheirInstances() throws Exception {
        CommandRun run = CommandRun.of("ls", "--json", "--nameserver", registry.endpoint());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode services = ServiceDescription.JSON.readTree(run.out());
        assertThat(services.isArray()).as(run.out()).isTrue();
        assertThat(services).hasSize(1);
        JsonNode echo = services.get(0);
        assertThat(echo.get("service").asText()).isEqualTo("demo.echo");
        assertThat(echo.get("instances")).hasSize(2);
        List<String> endpoints = new ArrayList<>();
        List<String> chosen = new ArrayList<>();
        List<String> nodes = new ArrayList<>();
        for (JsonNode instance : echo.get("instances")) {
            assertThat(instance.get("id").asText()).isNotBlank();
            assertThat(instance.get("endpoints").isArray()).isTrue();
            instance.get("endpoints").forEach(endpoint -> endpoints.add(endpoint.asText()));
            chosen.add(instance.get("via").asText());
            assertThat(instance.get("metadata").isObject()).isTrue();
            assertThat(instance.get("metadata").get("pid").asText()).isEqualTo(Long.toString(ProcessHandle.current()
                    .pid()));
            nodes.add(instance.get("metadata").get("node").asText());
            assertThat(instance.get("ttl_ms").asLong()).isEqualTo(10_000);
            assertThat(instance.get("registered_at").asLong()).isPositive();
            assertThat(instance.get("last_renewed_at").asLong())
                    .isGreaterThanOrEqualTo(instance.get("registered_at").asLong());
        }
        assertThat(endpoints).containsExactlyInAnyOrderElementsOf(allEndpoints(first, second));
        assertThat(chosen).as("instances of this host and user are called over shared memory")
                .containsExactlyInAnyOrder(first.endpoints().get(1).toString(), second.endpoints().get(1).toString())
                .allMatch(via -> via.startsWith("shm://"));
        assertThat(nodes).containsExactlyInAnyOrder("first", "second");
    }

    @Test
    @Timeout(30)
    void shouldShowTcpAsTheWayWhenSharedMemoryIsTurnedOff() {
        CommandRun run = CommandRun.of("ls", "--nameserver", registry.endpoint(), "--shared-memory", "never");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("via " + endpoint(first), "via " + endpoint(second)).doesNotContain("via shm");
    }

    @Test
    @Timeout(30)
    void shouldRefuseAnUnknownSharedMemoryMode() {
        CommandRun run = CommandRun.of("ls", "--nameserver", registry.endpoint(), "--shared-memory", "sometimes");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("--shared-memory", "unknown shared-memory mode 'sometimes'; expected auto, "
                + "always or never");
    }

    @Test
    @Timeout(30)
    void shouldPrintEachServiceAndItsInstancesForPeople() {
        CommandRun run = CommandRun.of("ls", "--nameserver", registry.endpoint(), "demo.*");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("demo.echo  (2 instances)\n")
                .contains(endpoint(first), endpoint(second), "node=first", "node=second", "ttl 10s", "renewed ")
                .contains("via " + first.endpoints().get(1), "via " + second.endpoints().get(1));
    }

    @Test
    @Timeout(30)
    void shouldPrintAnEmptyArrayWhenNoServiceMatches() {
        CommandRun run = CommandRun.of("ls", "--json", "--nameserver", registry.endpoint(), "nothing.*");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().strip()).isEqualTo("[]");
    }

    @Test
    @Timeout(30)
    void shouldExitWithUnavailableWhenNoNameServerAnswers() {
        String nowhere = LocalPorts.freeEndpoint();

        CommandRun run = CommandRun.of("ls", "--json", "--nameserver", nowhere);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("UNAVAILABLE: no name server answered").contains(nowhere)
                .contains("start one with: bin/orrery nameserver --listen " + nowhere).doesNotContain("\tat ");
    }

    private static List<String> allEndpoints(Node... nodes) {
        return Arrays.stream(nodes).flatMap(node -> node.endpoints().stream()).map(Endpoint::toString).toList();
    }

    private static String endpoint(Node node) {
        Endpoint endpoint = node.endpoints().getFirst();
        return endpoint.toString();
    }
}
