package dev.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.Node;
import dev.orrery.examples.KeyValue;
import dev.orrery.examples.KeyValueService;
import dev.orrery.registry.InstanceSpec;
import dev.orrery.registry.Registration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code orrery call} and {@code orrery describe} by service name, resolved through a name server in this JVM. */
class CallByNameTest {

    private static RegistryFixture registry;
    private static Node echo;

    @BeforeAll
    @Timeout(30)
    static void registerEcho() {
        registry = RegistryFixture.start();
        echo = registry.serveEcho("echo-node");
    }

    @AfterAll
    @Timeout(30)
    static void stop() {
        registry.close();
    }

    @Test
    @Timeout(30)
    void shouldCallAnInstanceThatTheNameServerLists() {
        CommandRun run = CommandRun.of("call", "--nameserver", registry.endpoint(), "demo.echo", "echo", "[\"x\"]");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().strip()).isEqualTo("\"x\"");
    }

    @Test
    @Timeout(30)
    void shouldDescribeAServiceByName() {
        CommandRun run = CommandRun.of("describe", "--nameserver", registry.endpoint(), "demo.echo");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("demo.echo").contains("string echo(text: string)");
    }

    @Test
    @Timeout(30)
    void shouldTryTheNextInstanceWhenTheFirstOneDoesNotAnswer() {
        Registration stale = registry.nameServer().service().register(new InstanceSpec("demo.kv",
                List.of(LocalPorts.freeEndpoint()), Map.of("node", "gone"), 0));
        try {
            registry.serve("kv-node", node -> node.serve(KeyValue.class, new KeyValueService()), "demo.kv");

            CommandRun run = CommandRun.of("call", "--nameserver", registry.endpoint(), "demo.kv", "size");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out().strip()).isEqualTo("0");
        } finally {
            registry.nameServer().service().deregister(stale.instanceId(), stale.ownerToken());
        }
    }

    @Test
    @Timeout(30)
    void shouldReportUnavailableWhenNoListedInstanceAnswers() {
        String gone = LocalPorts.freeEndpoint();
        Registration stale = registry.nameServer().service().register(new InstanceSpec("demo.calc", List.of(gone),
                Map.of("node", "gone"), 0));
        try {
            CommandRun run = CommandRun.of("call", "--nameserver", registry.endpoint(), "demo.calc", "sum", "[[1]]");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(run.err()).startsWith("UNAVAILABLE: no instance of demo.calc answered; tried 1 (" + gone + ")")
                    .contains("stays listed until its lease runs out").doesNotContain("\tat ");
        } finally {
            registry.nameServer().service().deregister(stale.instanceId(), stale.ownerToken());
        }
    }

    @Test
    @Timeout(30)
    void shouldReportAServiceWithoutInstancesAsNotFound() {
        CommandRun run = CommandRun.of("call", "--nameserver", registry.endpoint(), "demo.nope", "echo", "[]");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run.err()).startsWith("NOT_FOUND: no instance of demo.nope is registered with the name server at "
                + registry.endpoint()).contains("bin/orrery ls --nameserver " + registry.endpoint()
                + " lists the services registered there").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    @Timeout(30)
    void shouldSuggestARegisteredServiceCloseToAMisspeltOne() {
        CommandRun run = CommandRun.of("describe", "--nameserver", registry.endpoint(), "demo.ecko");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run.err()).contains("Did you mean 'demo.echo'?");
    }

    @Test
    @Timeout(30)
    void shouldReportANameServerThatDoesNotAnswerAsUnavailable() {
        String nowhere = LocalPorts.freeEndpoint();

        CommandRun run = CommandRun.of("call", "--nameserver", nowhere, "demo.echo", "echo", "[\"x\"]");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.err()).startsWith("UNAVAILABLE: no name server answered").contains(nowhere)
                .contains("start one with: bin/orrery nameserver").doesNotContain("\tat ");
    }

    @Test
    @Timeout(30)
    void shouldNotAskTheNameServerWhenGivenAnEndpoint() {
        CommandRun run = CommandRun.of("call", "--nameserver", LocalPorts.freeEndpoint(), "--endpoint",
                echo.endpoints().getFirst().toString(), "demo.echo", "echo", "[\"direct\"]");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().strip()).isEqualTo("\"direct\"");
    }
}
