package dev.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code orrery watch} against a name server in this JVM, while nodes come and go. */
class WatchCommandTest {

    @Test
    @Timeout(60)
    void shouldPrintTheRegisteredInstanceThenItsDeregistrationAsJsonLines() throws Exception {
        try (RegistryFixture registry = RegistryFixture.start()) {
            Node node = registry.serveEcho("watched");
            String endpoint = node.endpoints().getFirst().toString();

            CompletableFuture<CommandRun> watch = watchInBackground(registry, "watch", "--json", "--count", "2",
                    "--nameserver", registry.endpoint(), "demo.echo");
            node.close();
            CommandRun run = watch.get(30, TimeUnit.SECONDS);

            assertThat(run.exitCode()).as(run.toString()).isZero();
            List<JsonNode> events = new ArrayList<>();
            for (String line : run.out().strip().split("\n")) {
                events.add(ServiceDescription.JSON.readTree(line));
            }
            assertThat(events).extracting(event -> event.get("kind").asText())
                    .containsExactly("REGISTERED", "CURRENT", "DEREGISTERED");
            JsonNode registered = events.getFirst();
            JsonNode deregistered = events.getLast();
            assertThat(registered.get("service").asText()).isEqualTo("demo.echo");
            assertThat(registered.get("endpoints").get(0).asText()).isEqualTo(endpoint);
            assertThat(registered.get("metadata").get("node").asText()).isEqualTo("watched");
            assertThat(deregistered.get("id").asText()).isEqualTo(registered.get("id").asText());
            assertThat(deregistered.get("revision").asLong()).isGreaterThan(registered.get("revision").asLong());
            assertThat(events.get(1).has("service")).isFalse();
        }
    }

    @Test
    @Timeout(60)
    void shouldPrintOneLinePerEventForPeople() throws Exception {
        try (RegistryFixture registry = RegistryFixture.start()) {
            Node node = registry.serveEcho("people");

            CommandRun run = CommandRun.of("watch", "--count", "1", "--nameserver", registry.endpoint());

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).matches("REGISTERED demo\\.echo \\S+ " + node.endpoints().getFirst() + ","
                    + node.endpoints().get(1) + " \\{.*node=people.*}\n");
        }
    }

    @Test
    @Timeout(60)
    void shouldExitWithUnavailableWhenTheNameServerGoesAway() throws Exception {
        RegistryFixture registry = RegistryFixture.start();
        CompletableFuture<CommandRun> watch;
        try (registry) {
            watch = watchInBackground(registry, "watch", "--json", "--nameserver", registry.endpoint());
        }
        CommandRun run = watch.get(30, TimeUnit.SECONDS);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.out().strip()).startsWith("{\"kind\":\"CURRENT\"");
        assertThat(run.err()).startsWith("UNAVAILABLE: the watch of * ended")
                .contains("start one with: bin/orrery nameserver").doesNotContain("\tat ");
    }

    @Test
    @Timeout(30)
    void shouldExitWithUnavailableWhenNoNameServerAnswers() {
        CommandRun run = CommandRun.of("watch", "--nameserver", LocalPorts.freeEndpoint());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.err()).startsWith("UNAVAILABLE: no name server answered");
    }

    @Test
    @Timeout(30)
    void shouldRejectACountBelowOne() {
        CommandRun run = CommandRun.of("watch", "--count", "0", "--nameserver", LocalPorts.freeEndpoint());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--count must be at least 1");
    }

    /** Runs the watch on another thread and returns once the name server counts it open. */
    private static CompletableFuture<CommandRun> watchInBackground(RegistryFixture registry, String... args) {
        int before = registry.nameServer().service().stat().watches();
        CompletableFuture<CommandRun> watch = CompletableFuture.supplyAsync(() -> CommandRun.of(args));
        RegistryFixture.await(() -> watch.isDone() || registry.nameServer().service().stat().watches() > before,
                "the watch to open");
        return watch;
    }
}
