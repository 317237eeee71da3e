package dev.orrery.discovery;

import dev.orrery.Node;
import dev.orrery.NodeOptions;
import dev.orrery.registry.Instance;
import dev.orrery.registry.NameServer;
import dev.orrery.testkit.JvmProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/** Processes of one discovery test: instances in child JVMs, a client node here; closed in reverse. */
final class Topology implements AutoCloseable {
    private final List<AutoCloseable> resources = new ArrayList<>();

    JvmProcess instance(String nameserver, String name) throws Exception {
        JvmProcess process = JvmProcess.start(InstanceMain.class, nameserver, name);
        resources.add(process);
        process.awaitValue("READY ", Duration.ofSeconds(30));
        return process;
    }

    Node client(String nameserver) {
        Node node = Node.create(NodeOptions.builder().name("client").nameserver(nameserver)
                .defaultDeadline(Duration.ofSeconds(5)).build());
        resources.add(node);
        return node;
    }

    static void awaitInstances(NameServer nameServer, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(() -> instances(nameServer).size() == count);
    }

    static List<Instance> instances(NameServer nameServer) {
        return nameServer.locate("test.who", Map.of());
    }

    <T extends AutoCloseable> T add(T resource) {
        resources.add(resource);
        return resource;
    }

    @Override
    public void close() {
        for (AutoCloseable resource : resources.reversed()) {
            try {
                resource.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not close " + resource, e);
            }
        }
    }
}
