package dev.orrery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orrery.metrics.CallMetrics;
import dev.orrery.metrics.MethodMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A node's call metrics bound to a real Micrometer registry, read after real calls over an in-JVM connection. */
@Timeout(30)
class MicrometerBindingTest {
    private static final String SERVICE = "test.probe";

    private final ProbeService implementation = new ProbeService();
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private Node server;
    private Node client;
    private Probe probe;

    @BeforeEach
    void start() {
        server = Node.builder().name("server").listen("inproc://micrometer-" + UUID.randomUUID()).build();
        server.serve(Probe.class, implementation, ServiceOptions.concurrencyLimit(9)).start();
        server.metrics().bindTo(registry);
        client = Node.builder().name("client").build();
        probe = client.connect(Probe.class, server.endpoints().getFirst());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void shouldPublishEveryFigureOfAMethodWithServiceAndMethodTags() {
        byte[] payload = new byte[500];
        for (int i = 0; i < 4; i++) {
            probe.echoBytes(payload);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> counter(CallMetrics.CALLS, "echoBytes") == 4);

        assertThat(counter(CallMetrics.ERRORS, "echoBytes")).isZero();
        assertThat(counter(CallMetrics.BYTES_IN, "echoBytes")).isBetween(2000.0, 2100.0);
        assertThat(counter(CallMetrics.BYTES_OUT, "echoBytes")).isBetween(2000.0, 2100.0);
        assertThat(registry.get(CallMetrics.BYTES_IN).functionCounter().getId().getBaseUnit()).isEqualTo("bytes");
        assertThat(gauge(CallMetrics.IN_FLIGHT, "echoBytes")).isZero();
        FunctionTimer busy = registry.get(CallMetrics.BUSY).tags("service", SERVICE, "method", "echoBytes")
                .functionTimer();
        assertThat(busy.count()).isEqualTo(4);
        assertThat(busy.totalTime(TimeUnit.NANOSECONDS)).isPositive();
        for (String quantile : new String[] {"0.5", "0.99", "0.999"}) {
            TimeGauge latency = registry.get(CallMetrics.LATENCY)
                    .tags("service", SERVICE, "method", "echoBytes", "quantile", quantile).timeGauge();
            assertThat(latency.value(TimeUnit.NANOSECONDS)).as("p" + quantile).isPositive();
        }
        Gauge limit = registry.get(CallMetrics.CONCURRENCY_LIMIT).tag("service", SERVICE).gauge();
        assertThat(limit.value()).isEqualTo(9);
    }

    @Test
    void shouldListEveryMethodOfTheService() {
        assertThat(registry.find(CallMetrics.CALLS).tag("service", SERVICE).functionCounters())
                .extracting(counter -> counter.getId().getTag("method"))
                .contains("echo", "echoBytes", "fail", "record", "sleep", "upperAsync");
    }

    @Test
    void shouldCountErrorsAndCallsInFlight() {
        implementation.gate = new CountDownLatch(1);
        CompletableFuture<Long> slow = CompletableFuture.supplyAsync(() -> probe.sleep(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> gauge(CallMetrics.IN_FLIGHT, "sleep") == 1);
        implementation.gate.countDown();
        slow.join();
        try {
            probe.fail("state");
        } catch (OrreryException expected) {
            // counted below
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> counter(CallMetrics.ERRORS, "fail") == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> gauge(CallMetrics.IN_FLIGHT, "sleep") == 0);
        assertThat(counter(CallMetrics.CALLS, "sleep")).isEqualTo(1);
    }

    @Test
    void shouldAddTheMetersOfAServiceExportedAfterBinding() {
        assertThat(registry.find(CallMetrics.CALLS).tag("service", "test.late").functionCounters()).isEmpty();

        server.serve(Late.class, () -> "late");
        Late late = client.connect(Late.class, server.endpoints().getFirst());
        assertThat(late.hello()).isEqualTo("late");

        await().atMost(Duration.ofSeconds(10)).until(() -> registry.find(CallMetrics.CALLS)
                .tags("service", "test.late", "method", "hello").functionCounter() != null
                && registry.get(CallMetrics.CALLS).tags("service", "test.late", "method", "hello")
                        .functionCounter().count() == 1);
    }

    @Test
    void shouldLeaveTheLatenciesOfSnapshotsWhole() {
        for (int i = 0; i < 3; i++) {
            probe.echo("x");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> counter(CallMetrics.CALLS, "echo") == 3);
        registry.get(CallMetrics.LATENCY).tags("method", "echo", "quantile", "0.99").timeGauge()
                .value(TimeUnit.NANOSECONDS);

        MethodMetrics echo = server.metrics().snapshot().method(SERVICE, "echo").orElseThrow();

        assertThat(echo.latencyHistogram().getTotalCount()).as("the registry read them too").isEqualTo(3);
    }

    @Test
    void shouldRemoveItsMetersWhenTheNodeCloses() {
        assertThat(registry.find(CallMetrics.CALLS).meters()).isNotEmpty();

        server.close();

        assertThat(registry.getMeters()).extracting(Meter::getId).noneMatch(id -> id.getName().startsWith("orrery."));
    }

    @Test
    void shouldBindNothingWhenMetricsAreOff() {
        try (Node quiet = Node.builder().name("quiet").metrics(false).build()) {
            quiet.serve(Late.class, () -> "quiet");
            MeterRegistry other = new SimpleMeterRegistry();

            quiet.metrics().bindTo(other);

            assertThat(other.getMeters()).isEmpty();
        }
    }

    private double counter(String name, String method) {
        FunctionCounter counter = registry.find(name).tags("service", SERVICE, "method", method).functionCounter();
        return counter == null ? -1 : counter.count();
    }

    private double gauge(String name, String method) {
        return registry.get(name).tags("service", SERVICE, "method", method).gauge().value();
    }

    /** A service exported after the registry was bound. */
    @Service("test.late")
    public interface Late {
        /** @return a greeting */
        String hello();
    }
}
