package dev.orrery.pubsub;

import dev.orrery.Node;
import dev.orrery.NodeOptions;
import dev.orrery.SharedMemory;
import dev.orrery.nameserver.EmbeddedNameServer;
import dev.orrery.registry.Instance;
import dev.orrery.testkit.JvmProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * The processes of one topic test: a name server, nodes in this JVM and programs in child JVMs, all on
 * 127.0.0.1; closed in reverse order of creation.
 */
final class TopicCluster implements AutoCloseable {
    /** The service publishers and subscriptions register under. */
    static final String TOPICS = TopicRegistration.SERVICE;
    static final Duration CHILD_START = Duration.ofSeconds(30);

    private final EmbeddedNameServer nameServer;
    private final List<AutoCloseable> resources = new ArrayList<>();

    private TopicCluster() {
        this.nameServer = EmbeddedNameServer.start("tcp://127.0.0.1:0");
        resources.add(nameServer);
    }

    static TopicCluster start() {
        return new TopicCluster();
    }

    String nameServer() {
        return nameServer.endpoint().toString();
    }

    /** A started node that listens on TCP and never uses shared memory. */
    Node node(String name) {
        return node(NodeOptions.builder().name(name).listen("tcp://127.0.0.1:0").sharedMemory(SharedMemory.NEVER));
    }

    /** A started node with these options and this cluster's name server. */
    Node node(NodeOptions.Builder options) {
        Node node = Node.create(options.nameserver(nameServer()).build());
        resources.add(node);
        node.start();
        return node;
    }

    /** A program in a child JVM, once it has printed {@code READY <value>}. */
    Child child(Class<?> main, String... args) throws InterruptedException, java.io.IOException {
        JvmProcess process = JvmProcess.start(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"), main, args);
        resources.add(process);
        return new Child(process, process.awaitValue("READY ", CHILD_START));
    }

    /**
     * A child JVM and what it said when ready.
     *
     * @param process the process
     * @param ready   the rest of its READY line
     */
    record Child(JvmProcess process, String ready) {
    }

    /** Waits until the name server lists this many subscriptions, of every node. */
    void awaitSubscriptions(int count) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                .until(() -> subscriptions().size() == count);
    }

    /** @return the subscriptions the name server lists */
    List<Instance> subscriptions() {
        return nameServer.service().locate(TOPICS, Map.of(TopicRegistration.ROLE, TopicRegistration.SUBSCRIBER));
    }

    @Override
    public void close() {
        List<Exception> failures = new ArrayList<>();
        for (AutoCloseable resource : resources.reversed()) {
            try {
                resource.close();
            } catch (Exception e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("could not close every part of the cluster");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }
}
