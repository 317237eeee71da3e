package dev.orrery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Concurrency limits, slot windows, shutdown and deadline propagation. */
@Timeout(30)
class LimitsTest {
    private final ProbeService implementation = new ProbeService();
    private final List<Node> nodes = new ArrayList<>();

    private Node node(NodeOptions.Builder options) {
        Node node = Node.create(options.build());
        nodes.add(node);
        return node;
    }

    private Endpoint serve(ServiceOptions serviceOptions) {
        Node server = node(NodeOptions.builder().name("server").listen("inproc://limits-" + UUID.randomUUID()));
        server.serve(Probe.class, implementation, serviceOptions).start();
        return server.endpoints().getFirst();
    }

    @AfterEach
    void closeNodes() {
        nodes.reversed().forEach(Node::close);
    }

    @Test
    void shouldRunAtMostTheConcurrencyLimitOfHandlersAtOnce() {
        Endpoint endpoint = serve(ServiceOptions.concurrencyLimit(2));
        Probe probe = node(NodeOptions.builder().name("client")).connect(Probe.class, endpoint);
        List<CompletableFuture<Long>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> probe.sleep(150)));
        }
        calls.forEach(CompletableFuture::join);
        assertThat(implementation.maxRunning.get()).isEqualTo(2);
    }

    @Test
    void shouldFailWithResourceExhaustedWhenNoSlotFreesBeforeTheDeadline() {
        Endpoint endpoint = serve(ServiceOptions.DEFAULTS);
        Probe probe = node(NodeOptions.builder().name("client").slotWindow(2)).connect(Probe.class, endpoint);
        implementation.gate = new CountDownLatch(1);
        CompletableFuture<Long> first = CompletableFuture.supplyAsync(() -> probe.sleep(1));
        CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> probe.sleep(1));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> implementation.running.get() == 2);
        long start = System.nanoTime();
        assertThatThrownBy(() -> Calls.withDeadline(Duration.ofMillis(200), () -> probe.echo("third")))
                .isInstanceOf(OrreryException.class)
                .satisfies(e -> assertThat(((OrreryException) e).status()).isEqualTo(Status.RESOURCE_EXHAUSTED))
                .hasMessageContaining("slot");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(150),
                Duration.ofSeconds(2));
        implementation.gate.countDown();
        assertThat(first.join()).isEqualTo(1);
        assertThat(second.join()).isEqualTo(1);
        assertThat(probe.echo("after")).isEqualTo("after");
    }

    @Test
    void shouldRefuseCallersBeyondTheWaitingLimitAtOnce() {
        Endpoint endpoint = serve(ServiceOptions.DEFAULTS);
        Probe probe = node(NodeOptions.builder().name("client").slotWindow(1).maxQueuedCalls(0))
                .connect(Probe.class, endpoint);
        implementation.gate = new CountDownLatch(1);
        CompletableFuture<Long> first = CompletableFuture.supplyAsync(() -> probe.sleep(1));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> implementation.running.get() == 1);
        assertThatThrownBy(() -> probe.echo("second")).isInstanceOf(OrreryException.class)
                .satisfies(e -> assertThat(((OrreryException) e).status()).isEqualTo(Status.RESOURCE_EXHAUSTED));
        implementation.gate.countDown();
        assertThat(first.join()).isEqualTo(1);
    }

    @Test
    void shouldDrainCallsInFlightWhenTheServerCloses() throws Exception {
        Node server = node(NodeOptions.builder().name("server").listen("inproc://drain-" + UUID.randomUUID()));
        server.serve(Probe.class, implementation).start();
        Probe probe = node(NodeOptions.builder().name("client")).connect(Probe.class, server.endpoints().getFirst());
        assertThat(probe.echo("warm")).isEqualTo("warm");
        CompletableFuture<Long> slow = CompletableFuture.supplyAsync(() -> probe.sleep(400));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> implementation.running.get() == 1);
        long start = System.nanoTime();
        server.close();
        assertThat(slow.get(5, TimeUnit.SECONDS)).isEqualTo(400);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThatThrownBy(() -> probe.echo("after close")).isInstanceOf(OrreryException.class)
                .satisfies(e -> assertThat(((OrreryException) e).status()).isEqualTo(Status.UNAVAILABLE));
    }

    @Test
    void shouldPropagateTheDeadlineOfTheCallBeingServed() {
        Endpoint probeEndpoint = serve(ServiceOptions.DEFAULTS);
        Node relayNode = node(NodeOptions.builder().name("relay").listen("inproc://relay-" + UUID.randomUUID()));
        Probe downstream = relayNode.connect(Probe.class, probeEndpoint);
        relayNode.serve(Relay.class, millis -> CallContext.current().timeRemaining().toMillis() + ":"
                + downstream.sleep(millis)).start();
        Relay relay = node(NodeOptions.builder().name("client")).connect(Relay.class, relayNode.endpoints().getFirst());
        assertThat(relay.forward(10)).endsWith(":10");
        long start = System.nanoTime();
        assertThatThrownBy(() -> Calls.withDeadline(Duration.ofMillis(300), () -> relay.forward(5_000)))
                .isInstanceOf(OrreryException.class)
                .satisfies(e -> assertThat(((OrreryException) e).status()).isEqualTo(Status.DEADLINE_EXCEEDED));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    /** Forwards to the probe, inheriting the caller's deadline. */
    @Service("test.relay")
    public interface Relay {
        String forward(long millis);
    }
}
