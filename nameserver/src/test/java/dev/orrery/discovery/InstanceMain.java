package dev.orrery.discovery;

import dev.orrery.Node;
import dev.orrery.NodeOptions;
import java.io.IOException;
import java.time.Duration;

/**
 * An instance of {@link Who} in a child JVM: registers with the name server given as {@code args[0]} under
 * the name {@code args[1]}, prints {@code READY <endpoint>}, and serves until its standard input closes.
 */
public final class InstanceMain {

    private InstanceMain() {
    }

    /**
     * Runs the instance.
     *
     * @param args the name server endpoint and this node's name
     * @throws IOException when standard input fails
     */
    public static void main(String[] args) throws IOException {
        String name = args[1];
        NodeOptions options = NodeOptions.builder().name(name).listen("tcp://127.0.0.1:0").nameserver(args[0])
                .leaseTtl(Duration.ofSeconds(2)).build();
        try (Node node = Node.create(options)) {
            node.serve(Who.class, new NamedWho(name, Thread::sleep)).start();
            System.out.println("READY " + node.endpoints().getFirst());
            while (System.in.read() >= 0) {
                continue;
            }
        }
    }
}
