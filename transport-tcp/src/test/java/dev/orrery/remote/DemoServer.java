package dev.orrery.remote;

import dev.orrery.CallContext;
import dev.orrery.Node;
import dev.orrery.Service;
import dev.orrery.examples.DemoServices;
import java.io.IOException;

/**
 * Serves the demo services and {@link Sleeper} in a child JVM: prints {@code READY <endpoint>}, then serves
 * until its standard input closes.
 */
public final class DemoServer {

    private DemoServer() {
    }

    /** A service that reports on standard output when its handler is interrupted. */
    @Service("test.sleeper")
    public interface Sleeper {
        long sleep(long millis);
    }

    /** Says which connection a call came on. */
    @Service("test.who")
    public interface Who {
        String peer();
    }

    /** Says the same, as a second service. */
    @Service("test.whom")
    public interface Whom {
        String peer();
    }

    /**
     * Runs the server.
     *
     * @param args the endpoint to listen on
     * @throws IOException when standard input fails
     */
    public static void main(String[] args) throws IOException {
        try (Node node = Node.builder().name("demo-server").listen(args[0]).build()) {
            DemoServices.serveAll(node);
            node.serve(Sleeper.class, millis -> {
                try {
                    Thread.sleep(millis);
                    return millis;
                } catch (InterruptedException e) {
                    System.out.println("INTERRUPTED after " + millis);
                    throw new IllegalStateException("interrupted", e);
                }
            });
            node.serve(Who.class, () -> CallContext.current().peer());
            node.serve(Whom.class, () -> CallContext.current().peer());
            node.start();
            System.out.println("READY " + node.endpoints().getFirst());
            while (System.in.read() >= 0) {
                // Serve until the parent closes our standard input.
                continue;
            }
        }
    }
}
