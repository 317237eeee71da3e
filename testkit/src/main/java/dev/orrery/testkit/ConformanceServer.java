package dev.orrery.testkit;

import dev.orrery.Node;
import java.io.IOException;

/**
 * Serves {@link ConformanceService} in a child JVM on the endpoint in {@code args[0]}: prints
 * {@code READY <endpoint>}, then serves until its standard input closes.
 */
public final class ConformanceServer {

    private ConformanceServer() {
    }

    /**
     * Runs the server.
     *
     * @param args the endpoint to listen on
     * @throws IOException when standard input fails
     */
    public static void main(String[] args) throws IOException {
        try (Node node = Node.builder().name("conformance-server").listen(args[0]).build()) {
            node.serve(ConformanceService.class, new ConformanceService.Implementation()).start();
            System.out.println("READY " + node.endpoints().getFirst());
            while (System.in.read() >= 0) {
                continue;
            }
        }
    }
}
