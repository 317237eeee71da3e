package dev.orrery.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orrery.Endpoint;
import dev.orrery.Node;
import dev.orrery.NodeOptions;
import dev.orrery.SharedMemory;
import dev.orrery.nameserver.EmbeddedNameServer;
import dev.orrery.registry.Instance;
import dev.orrery.testkit.JvmProcess;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Peers on one host: instances serve shared memory beside TCP, and callers here use it unless told not to. */
@Timeout(120)
class LocalPeerTest {

    @Test
    void shouldRegisterBothEndpointsAndCallAnInstanceOfThisHostOverSharedMemory() throws Exception {
        try (Topology topology = new Topology()) {
            String ns = topology.add(EmbeddedNameServer.start("tcp://127.0.0.1:0")).endpoint().toString();
            JvmProcess child = topology.instance(ns, "local");
            Node client = topology.client(ns);
            Topology.awaitInstances(client.nameServer(), 1);
            Instance instance = Topology.instances(client.nameServer()).getFirst();

            assertThat(instance.endpoints()).hasSize(2);
            assertThat(instance.endpoints().getFirst()).startsWith("tcp://127.0.0.1:");
            String tcp = instance.endpoints().getFirst();
            String port = tcp.substring(tcp.lastIndexOf(':') + 1);
            assertThat(instance.endpoints().get(1)).isEqualTo("shm://node-" + child.pid() + "-" + port);
            assertThat(instance.metadata()).containsKey("host.id");
            assertThat(client.endpointFor(instance)).contains(Endpoint.parse(instance.endpoints().get(1)));

            Who who = client.locate(Who.class);
            assertThat(who.caller()).as("the server's view of the caller")
                    .startsWith(instance.endpoints().get(1))
                    .contains("pid " + ProcessHandle.current().pid());
        }
    }

    @Test
    void shouldCallOverTcpWhenTheCallerTurnsSharedMemoryOff() throws Exception {
        try (Topology topology = new Topology()) {
            String ns = topology.add(EmbeddedNameServer.start("tcp://127.0.0.1:0")).endpoint().toString();
            topology.instance(ns, "local");
            Node client = topology.add(Node.create(NodeOptions.builder().name("tcp-only").nameserver(ns)
                    .sharedMemory(SharedMemory.NEVER).defaultDeadline(Duration.ofSeconds(5)).build()));
            Topology.awaitInstances(client.nameServer(), 1);
            Instance instance = Topology.instances(client.nameServer()).getFirst();

            assertThat(client.endpointFor(instance)).contains(Endpoint.parse(instance.endpoints().getFirst()));
            assertThat(client.locate(Who.class).caller()).startsWith("tcp://127.0.0.1:").doesNotContain("shm://");
        }
    }

    @Test
    void shouldServeOnlyTcpWhenTheInstanceTurnsSharedMemoryOff() {
        try (Topology topology = new Topology()) {
            String ns = topology.add(EmbeddedNameServer.start("tcp://127.0.0.1:0")).endpoint().toString();
            Node server = topology.add(Node.create(NodeOptions.builder().name("tcp-server").listen("tcp://127.0.0.1:0")
                    .nameserver(ns).sharedMemory(SharedMemory.NEVER).build()));
            server.start();

            assertThat(server.endpoints()).extracting(Endpoint::scheme).containsExactly("tcp");
        }
    }
}
