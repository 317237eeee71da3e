package dev.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.Node;
import dev.orrery.registry.Instance;
import dev.orrery.testkit.JvmProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code orrery demo} where no name server runs: the first demo starts one, and the next one uses it. */
class DemoNameServerTest {

    private static final Duration START = Duration.ofSeconds(60);

    @Test
    @Timeout(150)
    void shouldStartANameServerWhenNoneAnswersAndShareItWithTheNextDemo() throws Exception {
        String address = LocalPorts.freeEndpoint();
        try (JvmProcess first = demo(address)) {
            String firstEndpoint = first.awaitValue(DemoCommand.LISTENING, START);
            first.awaitLine(line -> line.equals("no name server answered at " + address + DemoCommand.STARTED_ONE),
                    START);
            assertThat(first.awaitValue(DemoCommand.NAME_SERVER, START)).isEqualTo(address);
            try (JvmProcess second = demo(address)) {
                String secondEndpoint = second.awaitValue(DemoCommand.LISTENING, START);
                assertThat(second.awaitValue(DemoCommand.NAME_SERVER, START)).isEqualTo(address);
                second.awaitLine(line -> line.startsWith("Press Ctrl-C"), START);
                assertThat(second.transcript()).doesNotContain(DemoCommand.STARTED_ONE);

                assertThat(awaitEchoInstances(address, 2)).extracting(instance -> instance.endpoints().getFirst())
                        .containsExactlyInAnyOrder(firstEndpoint, secondEndpoint);
                CommandRun call = CommandRun.of("call", "--nameserver", address, "demo.echo", "echo", "[\"x\"]");
                assertThat(call.exitCode()).as(call.toString()).isZero();
                assertThat(call.out().strip()).isEqualTo("\"x\"");

                second.stop(Duration.ofSeconds(20));
                assertThat(awaitEchoInstances(address, 1)).extracting(instance -> instance.endpoints().getFirst())
                        .containsExactly(firstEndpoint);
            }
            first.stop(Duration.ofSeconds(20));
        }
    }

    private static JvmProcess demo(String nameServer) throws Exception {
        return ChildOrrery.start("demo", "--listen", "tcp://127.0.0.1:0", "--nameserver", nameServer);
    }

    /** Waits until the name server lists this many instances of demo.echo, and returns them. */
    private static List<Instance> awaitEchoInstances(String nameServer, int count) {
        try (Node client = Node.builder().name("test-client").nameserver(nameServer).build()) {
            RegistryFixture.await(() -> client.nameServer().locate("demo.echo", Map.of()).size() == count,
                    count + " instances of demo.echo");
            return client.nameServer().locate("demo.echo", Map.of());
        }
    }
}
