package dev.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.Node;
import dev.orrery.testkit.JvmProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The script of the README's "Finding services by name", each command in a process of its own: a name server, two
 * demos on free ports, then {@code ls --json} and {@code call} by name, told where the name server is by
 * {@code ORRERY_NAMESERVER}.
 */
class AcceptanceScriptTest {

    private static final Duration START = Duration.ofSeconds(60);

    @Test
    @Timeout(180)
    void shouldListTwoInstancesOfDemoEchoAndCallOneByName() throws Exception {
        try (JvmProcess nameServerProcess = ChildOrrery.start("nameserver", "--listen", LocalPorts.freeEndpoint())) {
            String nameServer = nameServerProcess.awaitValue(NameServerCommand.LISTENING, START);
            try (JvmProcess one = demo(nameServer); JvmProcess two = demo(nameServer)) {
                List<String> endpoints = List.of(awaitReady(one, nameServer), awaitReady(two, nameServer));
                awaitEchoInstances(nameServer, 2);
                Map<String, String> environment = Map.of(NameServerOption.ENVIRONMENT, nameServer);

                CommandRun ls = ChildOrrery.run(environment, "ls", "--json");

                assertThat(ls.exitCode()).as(ls.toString()).isZero();
                assertThat(echoEndpoints(ls.out())).containsExactlyInAnyOrderElementsOf(endpoints);
                List<String> chosen = chosenEndpoints(ls.out());
                assertThat(chosen).as("this host's calls go over shared memory").hasSize(2)
                        .allMatch(via -> via.startsWith("shm://node-"));

                CommandRun call = ChildOrrery.run(environment, "call", "demo.echo", "echo", "[\"x\"]", "--verbose");

                assertThat(call.exitCode()).as(call.toString()).isZero();
                assertThat(call.out()).isEqualTo("\"x\"\n");
                assertThat(call.err()).startsWith("calling demo.echo at " + chosen.getFirst());

                two.stop(Duration.ofSeconds(20));
                CommandRun after = CommandRun.of("ls", "--json", "--nameserver", nameServer);
                assertThat(echoEndpoints(after.out())).as(after.toString()).containsExactly(endpoints.getFirst());
                one.stop(Duration.ofSeconds(20));
            }
            nameServerProcess.stop(Duration.ofSeconds(20));
        }
    }

    private static JvmProcess demo(String nameServer) throws Exception {
        return ChildOrrery.start("demo", "--listen", "tcp://127.0.0.1:0", "--nameserver", nameServer);
    }

    /** Waits for a demo's welcome, checks that it uses the name server it was given, and returns its endpoint. */
    private static String awaitReady(JvmProcess demo, String nameServer) throws InterruptedException {
        String endpoint = demo.awaitValue(DemoCommand.LISTENING, START);
        assertThat(demo.awaitValue(DemoCommand.NAME_SERVER, START)).isEqualTo(nameServer);
        demo.awaitLine(line -> line.startsWith("Press Ctrl-C"), START);
        assertThat(demo.transcript()).doesNotContain(DemoCommand.STARTED_ONE);
        return endpoint;
    }

    private static void awaitEchoInstances(String nameServer, int count) {
        try (Node client = Node.builder().name("test-client").nameserver(nameServer).build()) {
            RegistryFixture.await(() -> client.nameServer().locate("demo.echo", Map.of()).size() == count,
                    count + " instances of demo.echo");
        }
    }

    /** The first endpoints of demo.echo's instances in the output of {@code ls --json}, which must be only JSON. */
    private static List<String> echoEndpoints(String lsJson) throws Exception {
        return echoInstances(lsJson, instance -> instance.get("endpoints").get(0).asText());
    }

    /** The endpoints that {@code ls --json} says this host's calls to demo.echo's instances go to. */
    private static List<String> chosenEndpoints(String lsJson) throws Exception {
        return echoInstances(lsJson, instance -> instance.get("via").asText());
    }

    private static List<String> echoInstances(String lsJson, Function<JsonNode, String> field) throws Exception {
        List<String> values = new ArrayList<>();
        for (JsonNode service : ServiceDescription.JSON.readTree(lsJson)) {
            if (service.get("service").asText().equals("demo.echo")) {
                service.get("instances").forEach(instance -> values.add(field.apply(instance)));
            }
        }
        return values;
    }
}
