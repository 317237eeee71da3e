package dev.orrery.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.Node;
import dev.orrery.nameserver.EmbeddedNameServer;
import dev.orrery.testkit.JvmProcess;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Calls by name: instances in other processes, found through the name server. */
@Timeout(120)
class LocateTest {

    @Test
    void shouldShareCallsAmongInstancesAndSurviveTheLossOfOne() throws Exception {
        try (Topology topology = new Topology()) {
            EmbeddedNameServer nameServer = topology.add(EmbeddedNameServer.start("tcp://127.0.0.1:0"));
            String ns = nameServer.endpoint().toString();
            JvmProcess first = topology.instance(ns, "first");
            topology.instance(ns, "second");
            Node client = topology.client(ns);
            Topology.awaitInstances(client.nameServer(), 2);

            Who who = client.locate(Who.class);
            Set<String> answered = new HashSet<>();
            for (int i = 0; i < 20; i++) {
                answered.add(who.name());
            }
            assertThat(answered).containsExactlyInAnyOrder("first", "second");

            first.kill();
            for (int i = 0; i < 50; i++) {
                assertThat(who.name()).as("idempotent call %d after kill -9", i).isEqualTo("second");
            }
            Topology.awaitInstances(client.nameServer(), 1);
            assertThat(Topology.instances(client.nameServer()).getFirst().metadata()).containsEntry("node", "second");
        }
    }

    @Test
    void shouldStartUsingNewInstancesWithoutLocatingAgain() throws Exception {
        try (Topology topology = new Topology()) {
            EmbeddedNameServer nameServer = topology.add(EmbeddedNameServer.start("tcp://127.0.0.1:0"));
            String ns = nameServer.endpoint().toString();
            topology.instance(ns, "early");
            Node client = topology.client(ns);
            Topology.awaitInstances(client.nameServer(), 1);
            Who who = client.locate(Who.class);
            assertThat(who.name()).isEqualTo("early");

            topology.instance(ns, "late");
            Set<String> answered = new HashSet<>();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> {
                answered.add(who.name());
                return answered.contains("late");
            });
        }
    }

    @Test
    void shouldKeepCallingWhileTheNameServerRestarts() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String ns = "tcp://127.0.0.1:" + port;
        try (Topology topology = new Topology()) {
            JvmProcess nameServer = JvmProcess.start(dev.orrery.nameserver.NameServerMain.class, ns);
            topology.add(nameServer);
            nameServer.awaitValue("READY ", Duration.ofSeconds(30));
            topology.instance(ns, "first");
            topology.instance(ns, "second");
            Node client = topology.client(ns);
            Topology.awaitInstances(client.nameServer(), 2);
            Who who = client.locate(Who.class);
            assertThat(who.name()).isNotBlank();

            AtomicInteger failures = new AtomicInteger();
            AtomicInteger calls = new AtomicInteger();
            AtomicBoolean running = new AtomicBoolean(true);
            CompletableFuture<Void> caller = CompletableFuture.runAsync(() -> {
                while (running.get()) {
                    try {
                        who.slowName(5);
                        calls.incrementAndGet();
                    } catch (dev.orrery.OrreryException e) {
                        failures.incrementAndGet();
                    }
                }
            });
            nameServer.kill();
            // Calls go on while the name server is away, not only once it is back.
            int atKill = calls.get();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> calls.get() > atKill + 50);
            try (JvmProcess restarted = JvmProcess.start(dev.orrery.nameserver.NameServerMain.class, ns)) {
                restarted.awaitValue("READY ", Duration.ofSeconds(30));
                Topology.awaitInstances(client.nameServer(), 2);
                int before = calls.get();
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> calls.get() > before + 50);
                running.set(false);
                caller.join();
            }
            assertThat(failures.get()).as("calls that failed while the name server was away").isZero();
            assertThat(calls.get()).isGreaterThan(100);
        }
    }
}
