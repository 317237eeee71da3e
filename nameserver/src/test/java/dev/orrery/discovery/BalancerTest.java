package dev.orrery.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.Balancer;
import dev.orrery.Node;
import dev.orrery.NodeOptions;
import dev.orrery.nameserver.EmbeddedNameServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How located proxies choose instances, and how instances leave. */
@Timeout(60)
class BalancerTest {

    private static Node instance(String ns, String name, CountDownLatch gate) {
        Node node = Node.create(NodeOptions.builder().name(name).listen("tcp://127.0.0.1:0").nameserver(ns).build());
        node.serve(Who.class, new NamedWho(name, millis -> gate.await())).start();
        return node;
    }

    @Test
    void shouldSendCallsAwayFromABusyInstanceWhenBalancingByOutstandingCalls() throws Exception {
        CountDownLatch busyGate = new CountDownLatch(1);
        try (Topology topology = new Topology()) {
            String ns = topology.add(EmbeddedNameServer.start("tcp://127.0.0.1:0")).endpoint().toString();
            topology.add(instance(ns, "busy", busyGate));
            topology.add(instance(ns, "free", new CountDownLatch(0)));
            Node client = topology.client(ns);
            Topology.awaitInstances(client.nameServer(), 2);
            Who who = client.locate(Who.class, Balancer.LEAST_OUTSTANDING);
            List<CompletableFuture<String>> calls = new ArrayList<>();
            try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 20; i++) {
                    CompletableFuture<String> call = CompletableFuture.supplyAsync(() -> who.slowName(0), threads);
                    calls.add(call);
                    // Let a call to the free instance finish before the next starts; one to the busy one stays.
                    try {
                        call.get(200, TimeUnit.MILLISECONDS);
                    } catch (java.util.concurrent.TimeoutException stillBusy) {
                        continue;
                    }
                }
                long waiting = calls.stream().filter(call -> !call.isDone()).count();
                assertThat(waiting).as("calls held by the busy instance").isEqualTo(1);
                busyGate.countDown();
                assertThat(calls.stream().map(CompletableFuture::join).filter("free"::equals).count()).isEqualTo(19);
            }
        }
    }

    @Test
    void shouldDeregisterAtOnceWhenANodeClosesCleanly() throws Exception {
        try (Topology topology = new Topology()) {
            String ns = topology.add(EmbeddedNameServer.start("tcp://127.0.0.1:0")).endpoint().toString();
            Node leaving = instance(ns, "leaving", new CountDownLatch(0));
            Node client = topology.client(ns);
            Topology.awaitInstances(client.nameServer(), 1);
            long start = System.nanoTime();
            leaving.close();
            assertThat(Topology.instances(client.nameServer())).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }
}
