package dev.orrery.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orrery.Node;
import dev.orrery.ServiceOptions;
import dev.orrery.examples.Calculator;
import dev.orrery.examples.DemoServices;
import dev.orrery.examples.Echo;
import dev.orrery.metrics.CallMetrics;
import dev.orrery.metrics.MethodMetrics;
import dev.orrery.metrics.MetricsSnapshot;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A node's call metrics, bound to a Micrometer registry, after real calls over loopback TCP. */
@Timeout(60)
class MetricsOverTcpTest {
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private Node server;
    private Node client;

    @BeforeEach
    void start() {
        server = DemoServices.serveAll(Node.builder().name("tcp-server").listen("tcp://127.0.0.1:0").build(),
                ServiceOptions.direct()).start();
        server.metrics().bindTo(registry);
        client = Node.builder().name("tcp-client").build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void shouldPublishTheCallsOfEachMethodOverTcp() {
        Echo echo = client.connect(Echo.class, server.endpoints().getFirst());
        byte[] payload = new byte[256];
        List<CompletableFuture<byte[]>> calls = IntStream.range(0, 50)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> echo.echoBytes(payload))).toList();
        calls.forEach(call -> assertThat(call.join()).hasSize(256));
        assertThat(echo.echo("over tcp")).isEqualTo("over tcp");

        await().atMost(Duration.ofSeconds(10)).until(() -> count(CallMetrics.CALLS, "demo.echo", "echoBytes") == 50
                && count(CallMetrics.CALLS, "demo.echo", "echo") == 1);

        assertThat(count(CallMetrics.BYTES_IN, "demo.echo", "echoBytes")).isEqualTo(50 * 256);
        assertThat(count(CallMetrics.BYTES_OUT, "demo.echo", "echoBytes")).isEqualTo(50 * 256);
        assertThat(count(CallMetrics.ERRORS, "demo.echo", "echoBytes")).isZero();
        assertThat(registry.get(CallMetrics.IN_FLIGHT).tags("service", "demo.echo", "method", "echoBytes").gauge()
                .value()).isZero();
        assertThat(registry.get(CallMetrics.LATENCY).tags("service", "demo.echo", "method", "echoBytes",
                "quantile", "0.99").timeGauge().value(TimeUnit.NANOSECONDS)).isPositive();
        assertThat(count(CallMetrics.CALLS, "demo.kv", "get")).as("every exported service is bound").isZero();
    }

    @Test
    void shouldSnapshotAsyncCallsOverTcp() throws Exception {
        Calculator calc = client.connect(Calculator.class, server.endpoints().getFirst());
        assertThat(calc.countPrimesAsync(1000).get(10, TimeUnit.SECONDS)).isEqualTo(168);
        assertThat(calc.countPrimes(100)).isEqualTo(25);

        await().atMost(Duration.ofSeconds(10)).until(() -> count(CallMetrics.CALLS, "demo.calc", "countPrimes") == 1
                && count(CallMetrics.CALLS, "demo.calc", "countPrimesAsync") == 1);
        MetricsSnapshot snapshot = server.metrics().snapshot();

        MethodMetrics async = snapshot.method("demo.calc", "countPrimesAsync").orElseThrow();
        assertThat(async.calls()).isEqualTo(1);
        assertThat(async.latencyHistogram().getTotalCount()).isEqualTo(1);
        assertThat(async.busyNanos()).isPositive();
        assertThat(snapshot.node()).isEqualTo("tcp-server");
        assertThat(snapshot.service("demo.calc")).isPresent();
    }

    private double count(String name, String service, String method) {
        FunctionCounter counter = registry.find(name).tags("service", service, "method", method).functionCounter();
        return counter == null ? -1 : counter.count();
    }
}
