package dev.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.Node;
import dev.orrery.examples.DemoServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code orrery describe} against the demo services served by a real node in this JVM. */
class DescribeCommandTest {

    private static Node server;
    private static String endpoint;

    @BeforeAll
    @Timeout(30)
    static void serveTheDemoServices() {
        server = DemoServices.serveAll(Node.builder().name("cli-test").listen("tcp://127.0.0.1:0").build()).start();
        endpoint = server.endpoints().getFirst().toString();
    }

    @AfterAll
    @Timeout(30)
    static void stopServing() {
        server.close();
    }

    @Test
    @Timeout(30)
    void shouldPrintReadableSignatures() {
        CommandRun run = CommandRun.of("describe", "--endpoint", endpoint, "demo.echo");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("demo.echo").contains("string echo(text: string)")
                .contains("bytes echoBytes(bytes: bytes)");
    }

    @Test
    @Timeout(30)
    void shouldShowKindsAndTheTypesMethodsReferTo() {
        CommandRun run = CommandRun.of("describe", "--endpoint", endpoint, "demo.calc");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("void record\\(value: long\\) +oneway")
                .containsPattern("int countPrimesAsync\\(below: int\\) +async")
                .contains("Stats recorded()")
                .contains("Stats {count: long, total: long}");
    }

    @Test
    @Timeout(30)
    void shouldPrintTheJsonDescriptionWithJson() throws Exception {
        CommandRun run = CommandRun.of("describe", "--endpoint", endpoint, "--json", "demo.kv");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode description = ServiceDescription.JSON.readTree(run.out());
        assertThat(description.path("service").asText()).isEqualTo("demo.kv");
        assertThat(description.path("methods").findValuesAsText("name"))
                .contains("put", "get", "delete", "size", "entries");
    }

    @Test
    @Timeout(30)
    void shouldReportAnUnknownServiceAsNotFound() {
        CommandRun run = CommandRun.of("describe", "--endpoint", endpoint, "demo.nope");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run.err()).startsWith("NOT_FOUND: ").doesNotContain("\tat ");
    }
}
