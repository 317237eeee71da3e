package dev.orrery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.orrery.internal.metrics.LatencyHistograms;
import dev.orrery.metrics.MethodMetrics;
import dev.orrery.metrics.MetricsSnapshot;
import dev.orrery.metrics.ServiceMetrics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Per-method figures of the calls a node serves, recorded on real calls over an in-JVM connection. */
@Timeout(30)
class CallMetricsTest {
    private static final String SERVICE = "test.probe";

    private final ProbeService implementation = new ProbeService();
    private Node server;
    private Node client;
    private Probe probe;
    private Observed observed;

    @BeforeEach
    void start() {
        server = Node.builder().name("server").listen("inproc://metrics-" + UUID.randomUUID()).build();
        server.serve(Probe.class, implementation, ServiceOptions.concurrencyLimit(7)).start();
        client = Node.builder().name("client").build();
        probe = client.connect(Probe.class, server.endpoints().getFirst());
        observed = new Observed(server);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void shouldCountCallsAndErrorsPerMethod() {
        for (int i = 0; i < 5; i++) {
            probe.echo("hi " + i);
        }
        assertThatThrownBy(() -> probe.fail("argument")).isInstanceOf(OrreryException.class);
        assertThatThrownBy(() -> probe.fail("orrery")).isInstanceOf(OrreryException.class);
        assertThat(probe.fail("fine")).isEqualTo("fine");

        observed.awaitCalls("echo", 5);
        observed.awaitCalls("fail", 3);

        MethodMetrics echo = observed.method("echo");
        assertThat(echo.errors()).isZero();
        assertThat(echo.inFlight()).isZero();
        assertThat(observed.latencies("echo").getTotalCount()).isEqualTo(5);
        MethodMetrics fail = observed.method("fail");
        assertThat(fail.errors()).isEqualTo(2);
        assertThat(observed.latencies("fail").getTotalCount()).isEqualTo(3);
        assertThat(observed.method("sleep").calls()).as("a method never called is listed, at zero").isZero();
        assertThat(observed.last().service(SERVICE)).get().extracting(ServiceMetrics::concurrencyLimit)
                .isEqualTo(7);
    }

    @Test
    void shouldCountOneWayAndAsyncCalls() throws Exception {
        probe.record(3);
        probe.record(4);
        assertThat(probe.upperAsync("abc").get(10, TimeUnit.SECONDS)).isEqualTo("ABC");

        observed.awaitCalls("record", 2);
        observed.awaitCalls("upperAsync", 1);

        assertThat(observed.method("record").bytesOut()).as("a one-way call sends no result").isZero();
        assertThat(observed.method("record").bytesIn()).isPositive();
        assertThat(observed.method("upperAsync").bytesOut()).isPositive();
        assertThat(observed.method("upperAsync").errors()).isZero();
    }

    @Test
    void shouldShowACallInFlightWhileItsHandlerRunsAndItsBusyTimeAfter() {
        implementation.gate = new CountDownLatch(1);
        CompletableFuture<Long> slow = CompletableFuture.supplyAsync(() -> probe.sleep(50));

        await().atMost(Duration.ofSeconds(10)).until(() -> observed.take().method(SERVICE, "sleep").orElseThrow()
                .inFlight() == 1);
        assertThat(observed.last().service(SERVICE)).get().extracting(ServiceMetrics::inFlight).isEqualTo(1L);
        assertThat(observed.method("sleep").calls()).isZero();

        implementation.gate.countDown();
        assertThat(slow.join()).isEqualTo(50);
        observed.awaitCalls("sleep", 1);

        MethodMetrics sleep = observed.method("sleep");
        assertThat(sleep.inFlight()).isZero();
        assertThat(sleep.busyNanos()).as("the handler slept 50 ms").isGreaterThanOrEqualTo(50_000_000L);
        assertThat(observed.last().service(SERVICE)).get().extracting(ServiceMetrics::busyNanos)
                .isEqualTo(observed.last().methods().stream().mapToLong(MethodMetrics::busyNanos).sum());
        assertThat(observed.latencies("sleep").getMaxValue()).as("latency covers the handler")
                .isGreaterThanOrEqualTo(49_000_000L);
    }

    @Test
    void shouldCountTheBytesOfArgumentsAndResults() {
        byte[] payload = new byte[1000];
        for (int i = 0; i < 3; i++) {
            assertThat(probe.echoBytes(payload)).hasSize(1000);
        }

        observed.awaitCalls("echoBytes", 3);

        MethodMetrics echo = observed.method("echoBytes");
        assertThat(echo.bytesIn()).as("three raw arguments of 1000 bytes").isBetween(3000L, 3100L);
        assertThat(echo.bytesOut()).as("three raw results of 1000 bytes").isBetween(3000L, 3100L);
    }

    @Test
    void shouldCountACallWhoseCallerGaveUpAsFailed() {
        assertThatThrownBy(() -> probe.sleepBriefly(1_000))
                .isInstanceOfSatisfying(OrreryException.class,
                        e -> assertThat(e.status()).isEqualTo(Status.DEADLINE_EXCEEDED));

        observed.awaitCalls("sleepBriefly", 1);

        assertThat(observed.method("sleepBriefly").errors()).isEqualTo(1);
        assertThat(observed.method("sleepBriefly").inFlight()).isZero();
    }

    @Test
    void shouldCountACallRefusedBeforeItsHandlerRanWithNoBusyTime() {
        try (Node narrow = Node.builder().name("narrow").listen("inproc://narrow-" + UUID.randomUUID()).build()) {
            ProbeService blocked = new ProbeService();
            blocked.gate = new CountDownLatch(1);
            narrow.serve(Probe.class, blocked, ServiceOptions.concurrencyLimit(1)).start();
            Probe narrowProbe = client.connect(Probe.class, narrow.endpoints().getFirst());
            CompletableFuture<Long> holder = CompletableFuture.supplyAsync(() -> narrowProbe.sleep(0));
            await().atMost(Duration.ofSeconds(10)).until(() -> blocked.running.get() == 1);

            assertThatThrownBy(() -> narrowProbe.sleepBriefly(0)).isInstanceOf(OrreryException.class);
            blocked.gate.countDown();
            holder.join();

            MethodMetrics refused = awaitCalls(narrow, "sleepBriefly", 1);
            assertThat(refused.errors()).isEqualTo(1);
            assertThat(refused.busyNanos()).as("its handler never held a permit").isZero();
            assertThat(refused.latencyHistogram().getTotalCount()).isEqualTo(1);
        }
    }

    @Test
    void shouldHandEachSnapshotOnlyTheLatenciesSinceThePreviousOne() {
        for (int i = 0; i < 3; i++) {
            probe.echo("a");
        }
        MethodMetrics first = awaitCalls(server, "echo", 3);
        for (int i = 0; i < 2; i++) {
            probe.echo("b");
        }
        MethodMetrics second = awaitCalls(server, "echo", 5);

        assertThat(first.latencyHistogram().getTotalCount()).isEqualTo(3);
        assertThat(second.latencyHistogram().getTotalCount()).isEqualTo(2);
        assertThat(first.plus(second).latencyHistogram().getTotalCount()).isEqualTo(5);
    }

    @Test
    void shouldMergeTheSnapshotsOfTwoNodes() {
        try (Node other = Node.builder().name("other").listen("inproc://metrics-" + UUID.randomUUID()).build()) {
            other.serve(Probe.class, new ProbeService(), ServiceOptions.concurrencyLimit(5)).start();
            Probe otherProbe = client.connect(Probe.class, other.endpoints().getFirst());
            for (int i = 0; i < 4; i++) {
                probe.echo("here");
            }
            for (int i = 0; i < 6; i++) {
                otherProbe.echo("there");
            }
            MetricsSnapshot mine = awaitSnapshot(server, "echo", 4);
            MetricsSnapshot theirs = awaitSnapshot(other, "echo", 6);

            MetricsSnapshot group = MetricsSnapshot.merge("group", List.of(mine, theirs));

            MethodMetrics echo = group.method(SERVICE, "echo").orElseThrow();
            assertThat(group.node()).isEqualTo("group");
            assertThat(echo.calls()).isEqualTo(10);
            assertThat(echo.latencyHistogram().getTotalCount()).isEqualTo(10);
            assertThat(group.service(SERVICE)).get().extracting(ServiceMetrics::concurrencyLimit).isEqualTo(12);
            assertThat(group.methods()).hasSameSizeAs(mine.methods());
        }
    }

    @Test
    void shouldRecordNothingWhenMetricsAreOff() {
        try (Node quiet = Node.builder().name("quiet").metrics(false)
                .listen("inproc://quiet-" + UUID.randomUUID()).build()) {
            quiet.serve(Probe.class, new ProbeService()).start();
            Probe quietProbe = client.connect(Probe.class, quiet.endpoints().getFirst());
            assertThat(quietProbe.echo("unseen")).isEqualTo("unseen");

            MetricsSnapshot snapshot = quiet.metrics().snapshot();

            assertThat(quiet.metrics().enabled()).isFalse();
            assertThat(quiet.options().metrics()).isFalse();
            assertThat(snapshot.services()).isEmpty();
            assertThat(snapshot.methods()).isEmpty();
            assertThat(server.metrics().enabled()).as("on by default").isTrue();
        }
    }

    @Test
    void shouldRefuseToAddFiguresOfDifferentMethods() {
        MethodMetrics echo = new MethodMetrics(SERVICE, "echo", 1, 0, 0, 0, 0, 0, new byte[0]);
        MethodMetrics fail = new MethodMetrics(SERVICE, "fail", 1, 0, 0, 0, 0, 0, new byte[0]);

        assertThatThrownBy(() -> echo.plus(fail)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("per method");
    }

    /** Takes snapshots of a node until a method has completed {@code calls}; returns that method's figures. */
    private static MethodMetrics awaitCalls(Node node, String method, long calls) {
        return awaitSnapshot(node, method, calls).method(SERVICE, method).orElseThrow();
    }

    private static MetricsSnapshot awaitSnapshot(Node node, String method, long calls) {
        MetricsSnapshot[] last = new MetricsSnapshot[1];
        Histogram latencies = LatencyHistograms.create();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            last[0] = node.metrics().snapshot();
            MethodMetrics figures = last[0].method(SERVICE, method).orElseThrow();
            latencies.add(figures.latencyHistogram());
            return figures.calls() >= calls;
        });
        // The calls may have been answered over several snapshots: hand back all of their latencies.
        List<MethodMetrics> methods = last[0].methods().stream().map(m -> !m.method().equals(method) ? m
                : new MethodMetrics(m.service(), m.method(), m.calls(), m.errors(), m.inFlight(), m.busyNanos(),
                        m.bytesIn(), m.bytesOut(), MethodMetrics.encodeLatency(latencies))).toList();
        return new MetricsSnapshot(last[0].node(), last[0].epochMillis(), last[0].intervalNanos(),
                last[0].services(), methods);
    }

    /** The snapshots of one node, with the latencies of all of them added up per method. */
    private static final class Observed {
        private final Node node;
        private final Map<String, Histogram> latencies = new HashMap<>();
        private MetricsSnapshot last;

        Observed(Node node) {
            this.node = node;
        }

        MetricsSnapshot take() {
            last = node.metrics().snapshot();
            for (MethodMetrics method : last.methods()) {
                latencies.computeIfAbsent(method.method(), name -> LatencyHistograms.create())
                        .add(method.latencyHistogram());
            }
            return last;
        }

        void awaitCalls(String method, long calls) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> take().method(SERVICE, method).orElseThrow().calls() >= calls);
        }

        MetricsSnapshot last() {
            return last;
        }

        MethodMetrics method(String name) {
            return last.method(SERVICE, name).orElseThrow();
        }

        Histogram latencies(String method) {
            return latencies.getOrDefault(method, LatencyHistograms.create());
        }
    }
}
