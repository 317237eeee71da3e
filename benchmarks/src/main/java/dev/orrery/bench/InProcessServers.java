package dev.orrery.bench;

import dev.orrery.Endpoint;
import dev.orrery.Node;
import dev.orrery.examples.DemoServices;
import dev.orrery.nameserver.EmbeddedNameServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The servers of {@code bench locate} in the benchmark's own JVM, over the in-JVM transport: a call then costs a
 * few microseconds instead of a hundred, so what a located proxy adds to it stands out from the noise of the
 * machine.
 */
final class InProcessServers implements LocateServers {

    private static final String PREFIX = "inproc://bench-locate-";

    private final EmbeddedNameServer nameServer;
    private final List<Node> echoServers;

    private InProcessServers(EmbeddedNameServer nameServer, List<Node> echoServers) {
        this.nameServer = nameServer;
        this.echoServers = echoServers;
    }

    /**
     * Starts the name server, then the echo servers, which register with it.
     *
     * @param echoServers how many echo servers
     * @return the running servers; the echo servers may still be registering
     */
    static InProcessServers start(int echoServers) {
        EmbeddedNameServer nameServer = EmbeddedNameServer.start(PREFIX + "nameserver");
        List<Node> started = new ArrayList<>();
        try {
            for (int i = 0; i < echoServers; i++) {
                Node node = Node.builder().name("bench-server-" + i).listen(PREFIX + "echo-" + i)
                        .nameserver(nameServer.endpoint().toString()).build();
                started.add(node);
                DemoServices.serveAll(node).start();
            }
            return new InProcessServers(nameServer, List.copyOf(started));
        } catch (RuntimeException e) {
            started.forEach(Node::close);
            nameServer.close();
            throw e;
        }
    }

    @Override
    public String transport() {
        return "inproc";
    }

    @Override
    public Endpoint nameServer() {
        return nameServer.endpoint();
    }

    @Override
    public Optional<Duration> nameServerCpu() {
        return Optional.empty();
    }

    @Override
    public boolean isAlive() {
        return true;
    }

    @Override
    public void close() {
        echoServers.forEach(Node::close);
        nameServer.close();
    }
}
