package dev.orrery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.Node;
import dev.orrery.examples.DemoServices;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code orrery call} against the demo services served by a real node in this JVM. */
class CallCommandTest {

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

    private static CommandRun call(String... serviceMethodArgs) {
        String[] args = new String[serviceMethodArgs.length + 3];
        args[0] = "call";
        args[1] = "--endpoint";
        args[2] = endpoint;
        System.arraycopy(serviceMethodArgs, 0, args, 3, serviceMethodArgs.length);
        return CommandRun.of(args);
    }

    @Test
    @Timeout(30)
    void shouldPrintTheJsonResultOnStdout() {
        CommandRun run = call("demo.echo", "echo", "[\"hi\"]");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().strip()).isEqualTo("\"hi\"");
    }

    @Test
    @Timeout(30)
    void shouldPassStructuredArguments() {
        CommandRun run = call("demo.calc", "sum", "[[1, 2, 39]]");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().strip()).isEqualTo("42");
    }

    @Test
    @Timeout(30)
    void shouldRejectAZeroDeadlineAsAUsageError() {
        CommandRun run = CommandRun.of("call", "--endpoint", endpoint, "--deadline", "0s", "demo.echo", "echo", "[]");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--deadline must be longer than zero");
    }

    @Test
    @Timeout(30)
    void shouldReadDeadlinesInEveryForm() {
        for (String deadline : new String[] {"1500ms", "2s", "1.5s", "PT2S"}) {
            CommandRun run = CommandRun.of("call", "--endpoint", endpoint, "--deadline", deadline, "demo.echo", "echo",
                    "[\"x\"]");
            assertThat(run.exitCode()).as(deadline + ": " + run).isZero();
        }
    }

    @Test
    @Timeout(30)
    void shouldPrintNothingForAOneWayCall() {
        CommandRun run = call("demo.calc", "record", "[5]");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEmpty();
    }

    @Test
    @Timeout(30)
    void shouldRejectTheWrongNumberOfArgumentsListingTheParameters() {
        CommandRun run = call("demo.echo", "echo", "[\"a\", \"b\"]");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("INVALID_ARGUMENT: echo takes 1 argument: text (string); got 2");
        assertThat(run.err()).contains("'[\"text\"]'").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    @Timeout(30)
    void shouldTakeNoArgumentsWhenNoneAreGiven() {
        CommandRun run = call("demo.echo", "echo");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("echo takes 1 argument: text (string); got 0");
    }

    @Test
    @Timeout(30)
    void shouldSuggestTheNearestMethodForAnUnknownOne() {
        CommandRun run = call("demo.echo", "ech", "[\"hi\"]");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run.err()).startsWith("NOT_FOUND: demo.echo has no method 'ech'; it has: echo, echoBytes")
                .contains("Did you mean 'echo'?")
                .doesNotContain("\tat ");
    }

    @Test
    @Timeout(30)
    void shouldNotSuggestAMethodThatIsNothingAlike() {
        CommandRun run = call("demo.kv", "frobnicate");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run.err()).contains("demo.kv has no method 'frobnicate'").doesNotContain("Did you mean");
    }

    @Test
    @Timeout(30)
    void shouldExplainJsonThatDoesNotParse() {
        CommandRun run = call("demo.echo", "echo", "[hi]");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("INVALID_ARGUMENT: the arguments are not valid JSON")
                .contains("echo takes 1 argument: text (string)")
                .doesNotContain("\tat ");
    }

    @Test
    @Timeout(30)
    void shouldRejectArgumentsThatAreNotAnArray() {
        CommandRun run = call("demo.echo", "echo", "\"hi\"");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("INVALID_ARGUMENT: the arguments must be a JSON array");
    }

    @Test
    @Timeout(30)
    void shouldReportAnArgumentOfTheWrongTypeAsInvalid() {
        CommandRun run = call("demo.calc", "countPrimes", "[\"many\"]");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("INVALID_ARGUMENT: ").doesNotContain("\tat ");
    }

    @Test
    @Timeout(30)
    void shouldReportAnUnknownServiceAsNotFound() {
        CommandRun run = call("demo.nope", "echo", "[]");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(run.err()).startsWith("NOT_FOUND: ").contains("demo.nope").doesNotContain("\tat ");
    }

    @Test
    @Timeout(30)
    void shouldReportAnExpiredDeadline() {
        CommandRun run = CommandRun.of("call", "--endpoint", endpoint, "--deadline", "300ms",
                "demo.calc", "sleep", "[5000]");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.DEADLINE);
        assertThat(run.err()).startsWith("DEADLINE_EXCEEDED: ").doesNotContain("\tat ");
    }

    @Test
    @Timeout(30)
    void shouldReportAnEndpointWhereNobodyListensAsUnavailable() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        CommandRun run = CommandRun.of("call", "--endpoint", "tcp://127.0.0.1:" + freePort, "--deadline", "3s",
                "demo.echo", "echo", "[\"hi\"]");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.err()).startsWith("UNAVAILABLE: ");
        assertThat(run.err()).doesNotContain("\tat ");
    }

    @Test
    @Timeout(30)
    void shouldRefuseToServeTheDemoOnAPortThatIsTaken() {
        CommandRun run = CommandRun.of("demo", "--listen", endpoint, "--nameserver", "tcp://127.0.0.1:0");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.err()).startsWith("UNAVAILABLE: ").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }
}
