package dev.orrery.bench;

import dev.orrery.Node;
import dev.orrery.examples.DemoServices;

/**
 * The Orrery side of the echo benchmarks' server child: the demo services on a node with default options,
 * registered with a name server when one is given.
 */
final class OrreryEchoServer {

    private OrreryEchoServer() {
    }

    /**
     * Starts a node that serves {@code demo.echo} on the loopback address.
     *
     * @param port       the port, 0 for any free one
     * @param nameServer the name server to register with, such as {@code tcp://127.0.0.1:2012}, or {@code null}
     * @return the running server; its services are registered, or being registered, when it returns
     */
    static BenchServer.Running serve(int port, String nameServer) {
        Node node = Node.builder().name("bench-server").listen("tcp://127.0.0.1:" + port).nameserver(nameServer)
                .build();
        try {
            DemoServices.serveAll(node).start();
            return new BenchServer.Running(node.endpoints().getFirst().port(), node::close);
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }
}
