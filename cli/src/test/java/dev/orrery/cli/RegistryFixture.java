package dev.orrery.cli;

import dev.orrery.Node;
import dev.orrery.examples.Echo;
import dev.orrery.examples.EchoService;
import dev.orrery.nameserver.EmbeddedNameServer;
import java.time.Duration;
import org.awaitility.Awaitility;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/** A name server on a free port in this JVM, and nodes that register services with it, for tests. */
final class RegistryFixture implements AutoCloseable {

    private final EmbeddedNameServer nameServer;
    private final List<Node> nodes = new ArrayList<>();

    private RegistryFixture(EmbeddedNameServer nameServer) {
        this.nameServer = nameServer;
    }

    /**
     * Starts a name server on a free loopback port.
     *
     * @return the fixture
     */
    static RegistryFixture start() {
        return new RegistryFixture(EmbeddedNameServer.start("tcp://127.0.0.1:0"));
    }

    /** @return the name server's endpoint, such as {@code tcp://127.0.0.1:40123} */
    String endpoint() {
        return nameServer.endpoint().toString();
    }

    /** @return the name server itself, for questions without a connection */
    EmbeddedNameServer nameServer() {
        return nameServer;
    }

    /**
     * Starts a node that serves {@code demo.echo} and waits until the name server lists it.
     *
     * @param name the node's name, which its instances carry as metadata {@code node}
     * @return the started node
     */
    Node serveEcho(String name) {
        return serve(name, node -> node.serve(Echo.class, new EchoService()), "demo.echo");
    }

    /**
     * Starts a node that serves some services and waits until the name server lists it as an instance of one.
     *
     * @param name     the node's name
     * @param services exports the services
     * @param service  a service the node serves, to wait for
     * @return the started node
     */
    Node serve(String name, UnaryOperator<Node> services, String service) {
        int before = instances(service);
        Node node = services.apply(Node.builder().name(name).listen("tcp://127.0.0.1:0").nameserver(endpoint())
                .build()).start();
        nodes.add(node);
        await(() -> instances(service) > before, "the name server to list " + name + "'s " + service);
        return node;
    }

    /**
     * How many instances of a service the name server lists now.
     *
     * @param service the service
     * @return the count
     */
    int instances(String service) {
        return nameServer.service().locate(service, Map.of()).size();
    }

    /**
     * Waits, polling, until a condition holds.
     *
     * @param condition the condition
     * @param what      what is awaited, for the failure message
     */
    static void await(BooleanSupplier condition, String what) {
        Awaitility.await(what).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(condition::getAsBoolean);
    }

    @Override
    public void close() {
        nodes.forEach(Node::close);
        nameServer.close();
    }
}
