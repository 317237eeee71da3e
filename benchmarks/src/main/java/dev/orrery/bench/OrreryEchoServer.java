package dev.orrery.bench;

import dev.orrery.Node;
import dev.orrery.examples.DemoServices;

/** The Orrery side of the echo benchmark's server child: the demo services on a node with default options. */
final class OrreryEchoServer {

    private OrreryEchoServer() {
    }

    /**
     * Starts a node that serves {@code demo.echo} on the loopback address.
     *
     * @param port the port, 0 for any free one
     * @return the running server
     */
    static BenchServer.Running serve(int port) {
        Node node = Node.builder().name("bench-server").listen("tcp://127.0.0.1:" + port).build();
        try {
            DemoServices.serveAll(node).start();
            return new BenchServer.Running(node.endpoints().getFirst().port(), node::close);
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }
}
