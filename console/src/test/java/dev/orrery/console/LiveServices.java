package dev.orrery.console;

import dev.orrery.Node;
import dev.orrery.examples.DemoServices;
import dev.orrery.nameserver.EmbeddedNameServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * A test fixture: a real name server on a free port, a node that serves the demo services and registers them, and
 * a client node for the console's gateway, as the supervisor has.
 */
final class LiveServices implements AutoCloseable {

    /** The services the worker node serves. */
    static final List<String> SERVICES = List.of("demo.echo", "demo.kv", "demo.calc");

    /** Tests end with no call in flight worth waiting for. */
    private static final Duration GRACE = Duration.ofMillis(100);

    private final EmbeddedNameServer nameServer;
    private final Node worker;
    private final Node supervisor;

    private LiveServices(EmbeddedNameServer nameServer, Node worker, Node supervisor) {
        this.nameServer = nameServer;
        this.worker = worker;
        this.supervisor = supervisor;
    }

    /**
     * Starts them, and waits until the name server lists every demo service.
     *
     * @return the running services
     */
    static LiveServices start() {
        EmbeddedNameServer nameServer = EmbeddedNameServer.start("tcp://127.0.0.1:0");
        String endpoint = nameServer.endpoint().toString();
        Node worker = DemoServices.serveAll(Node.builder().name("worker").listen("tcp://127.0.0.1:0")
                .nameserver(endpoint).options(options -> options.shutdownGrace(GRACE)).build()).start();
        Node supervisor = Node.builder().name("supervisor").nameserver(endpoint)
                .options(options -> options.shutdownGrace(GRACE)).build();
        Awaitility.await("the demo services to register").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> SERVICES.stream().allMatch(service ->
                        !nameServer.service().locate(service, Map.of()).isEmpty()));
        return new LiveServices(nameServer, worker, supervisor);
    }

    /** A scripted supervisor with the example groups, over these services. */
    ScriptedSupervisor supervisor() {
        return ScriptedSupervisor.examples(nameServer.service(), supervisor);
    }

    EmbeddedNameServer nameServer() {
        return nameServer;
    }

    @Override
    public void close() {
        supervisor.close();
        worker.close();
        nameServer.close();
    }
}
