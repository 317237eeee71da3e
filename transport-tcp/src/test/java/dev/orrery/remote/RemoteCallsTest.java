package dev.orrery.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orrery.Calls;
import dev.orrery.Node;
import dev.orrery.OrreryException;
import dev.orrery.Status;
import dev.orrery.examples.Calculator;
import dev.orrery.examples.Echo;
import dev.orrery.examples.KeyValue;
import dev.orrery.testkit.JvmProcess;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Calls from this JVM to services in a child JVM, over TCP. */
@Timeout(60)
class RemoteCallsTest {
    private static JvmProcess server;
    private static String endpoint;
    private static Node client;

    @BeforeAll
    static void startServer() throws Exception {
        server = JvmProcess.start(DemoServer.class, "tcp://127.0.0.1:0");
        endpoint = server.awaitValue("READY ", Duration.ofSeconds(30));
        client = Node.builder().name("test-client").build();
    }

    @AfterAll
    static void stopServer() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldCallEveryKindOfMethodInAnotherProcess() throws Exception {
        Echo echo = client.connect(Echo.class, endpoint);
        assertThat(echo.echo("hi")).isEqualTo("hi");
        assertThat(echo.echoBytes(new byte[] {1, 2, 3})).containsExactly(1, 2, 3);
        KeyValue kv = client.connect(KeyValue.class, endpoint);
        kv.put("a", "1");
        assertThat(kv.get("a")).isEqualTo("1");
        assertThat(kv.entries()).containsEntry("a", "1");
        Calculator calc = client.connect(Calculator.class, endpoint);
        assertThat(calc.countPrimes(100)).isEqualTo(25);
        assertThat(calc.countPrimesAsync(1000).get(10, TimeUnit.SECONDS)).isEqualTo(168);
        assertThat(calc.sum(List.of(1L, 2L, 3L))).isEqualTo(6);
        long before = calc.recorded().count();
        for (int i = 0; i < 100; i++) {
            calc.record(i);
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> calc.recorded().count() == before + 100);
    }

    @Test
    void shouldMultiplexManyConcurrentCallsOnOneConnection() {
        Echo echo = client.connect(Echo.class, endpoint);
        List<CompletableFuture<String>> calls = new java.util.ArrayList<>();
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            // 64 slots plus 1,024 waiting places hold 1,088 callers at once; more would be refused by design.
            for (int i = 0; i < 1_000; i++) {
                String text = "call-" + i;
                calls.add(CompletableFuture.supplyAsync(() -> echo.echo(text), threads));
            }
            for (int i = 0; i < calls.size(); i++) {
                assertThat(calls.get(i).join()).isEqualTo("call-" + i);
            }
        }
    }

    @Test
    void shouldShareOneConnectionAmongAllProxiesToAnEndpoint() {
        String first = client.connect(DemoServer.Who.class, endpoint).peer();
        String second = client.connect(DemoServer.Who.class, endpoint).peer();
        String third = client.connect(DemoServer.Whom.class, endpoint).peer();
        assertThat(first).startsWith("tcp://127.0.0.1:").contains("test-client");
        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);
        try (Node other = Node.builder().name("other-client").build()) {
            assertThat(other.connect(DemoServer.Who.class, endpoint).peer()).isNotEqualTo(first);
        }
    }

    @Test
    void shouldCancelTheRemoteHandlerWhenTheDeadlineExpires() throws Exception {
        DemoServer.Sleeper sleeper = client.connect(DemoServer.Sleeper.class, endpoint);
        assertThat(sleeper.sleep(1)).isEqualTo(1);
        long start = System.nanoTime();
        assertThatThrownBy(() -> Calls.withDeadline(Duration.ofMillis(300), () -> sleeper.sleep(7_777)))
                .isInstanceOf(OrreryException.class)
                .satisfies(e -> assertThat(((OrreryException) e).status()).isEqualTo(Status.DEADLINE_EXCEEDED));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(server.awaitLine(line -> line.equals("INTERRUPTED after 7777"), Duration.ofSeconds(10)))
                .isNotNull();
    }

    @Test
    void shouldAnswerNotFoundAndInvalidArgumentOverTcp() {
        var json = client.dynamic(dev.orrery.Endpoint.parse(endpoint));
        assertThat(json.call("demo.echo", "echo", "[\"hi\"]")).isEqualTo("\"hi\"");
        assertThatThrownBy(() -> json.call("demo.nope", "echo", "[]"))
                .satisfies(e -> assertThat(((OrreryException) e).status()).isEqualTo(Status.NOT_FOUND));
        assertThatThrownBy(() -> json.call("demo.calc", "countPrimes", "[\"many\"]"))
                .satisfies(e -> assertThat(((OrreryException) e).status()).isEqualTo(Status.INVALID_ARGUMENT))
                .hasMessageContaining("argument 1 (below)");
        assertThat(json.describe("demo.kv")).contains("\"put\"").contains("\"key\"");
    }
}
